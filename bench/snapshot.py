"""Seeded homeservers kept outside git: save a Synapse directory as a tar, restore it in seconds.

A snapshot is the whole Synapse directory (SQLite database, media, signing key, registration
secret, the bench application service's registration) plus `bench-meta.json` (account
passwords, room IDs, the Megolm key export's name and passphrase). The config itself is
rewritten on every start (the port changes), so a restored copy can live anywhere.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import time
from pathlib import Path

import platformdirs

from devtools.homeserver import Homeserver

APP_DIR = "tchap-desktop-bench"
META_FILE = "bench-meta.json"
AS_FILE = "bench-appservice.yaml"
# Files of a running server that have no business in a snapshot.
_TRANSIENT = ("homeserver.pid", "homeserver.log", "stdout.log", "homeserver.yaml", "log.yaml")


def cache_root() -> Path:
    """The benchmark's own cache folder (snapshots and work copies)."""
    return Path(platformdirs.user_cache_dir(APP_DIR))


def snapshot_path(name: str) -> Path:
    """Where the tar of snapshot `name` (e.g. "r1000-e100000") lives."""
    return cache_root() / "snapshots" / f"{name}.tar"


def work_dir(name: str) -> Path:
    """Where snapshot `name` is restored for a run."""
    return cache_root() / "work" / name


def has_snapshot(name: str) -> bool:
    """True if the snapshot exists."""
    return snapshot_path(name).is_file()


def homeserver_for(base_dir: Path) -> Homeserver:
    """A Homeserver on `base_dir` with the bench application service and a 50 MB upload limit."""
    base_dir = Path(base_dir)
    return Homeserver(
        base_dir,
        extra_config={
            "app_service_config_files": [str(base_dir / AS_FILE)],
            "max_upload_size": "50M",
        },
    )


def save(base_dir: Path, name: str) -> Path:
    """Tar `base_dir` (Synapse stopped) into the snapshot `name`; return the tar's path."""
    dest = snapshot_path(name)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tar.part")
    with tarfile.open(tmp, "w") as tar:
        for path in sorted(Path(base_dir).iterdir()):
            if path.name in _TRANSIENT or path.name.endswith(("-wal", "-shm")):
                continue
            tar.add(path, arcname=path.name)
    tmp.replace(dest)
    return dest


def restore(name: str, target: Path | None = None) -> tuple[Path, float]:
    """Extract snapshot `name` into a fresh `target` (default: its work dir); (dir, seconds)."""
    src = snapshot_path(name)
    if not src.is_file():
        raise FileNotFoundError(f"no snapshot {src}; run `python -m bench seed` first")
    target = Path(target) if target else work_dir(name)
    t0 = time.perf_counter()
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    tar_bin = shutil.which("tar")
    if tar_bin:  # GNU tar is several times faster than tarfile on a 500 MB archive
        subprocess.run([tar_bin, "-xf", str(src), "-C", str(target)], check=True)
    else:
        with tarfile.open(src) as tar:
            tar.extractall(target, filter="data")
    return target, time.perf_counter() - t0


def read_meta(base_dir: Path) -> dict:
    """The seeder's metadata stored in a (restored) snapshot."""
    return json.loads((Path(base_dir) / META_FILE).read_text())


def snapshot_meta(name: str) -> dict:
    """The metadata of snapshot `name`, read from its tar without restoring it."""
    with tarfile.open(snapshot_path(name)) as tar:
        member = tar.extractfile(META_FILE)
        assert member is not None, f"{name} has no {META_FILE}"
        return json.loads(member.read())


def write_meta(base_dir: Path, meta: dict) -> None:
    """Store the seeder's metadata beside the database."""
    path = Path(base_dir) / META_FILE
    path.write_text(json.dumps(meta, indent=1, ensure_ascii=False))
    path.chmod(0o600)
