# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test bench package i18n lint clean sysdeps-runtime sysdeps-demo sysdeps-test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python >= 3.11 is needed"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

i18n: $(STAMP)
	@for ts in resources/i18n/*.ts; do $(VENV)/bin/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

sysdeps-runtime:
	@bash devtools/sysdeps.sh runtime

sysdeps-demo:
	@bash devtools/sysdeps.sh demo

sysdeps-test:
	@bash devtools/sysdeps.sh test

demo: $(STAMP) i18n sysdeps-demo
	$(PY) -m devtools.demo

test: $(STAMP) i18n sysdeps-test
	$(VENV)/bin/ruff check app ui tests devtools tchap_desktop
	$(PY) -m devtools.sydent
	QT_QPA_PLATFORM=offscreen devtools/with_keyring.sh $(PY) -m pytest -q -rfE $(PYTEST_ARGS)

bench: $(STAMP) i18n sysdeps-test
	QT_QPA_PLATFORM=offscreen devtools/with_keyring.sh $(PY) -m bench $(BENCH_ARGS)

package: $(STAMP) i18n
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/tchap-desktop.spec

lint: $(STAMP)
	$(VENV)/bin/ruff check app ui tests devtools bench tchap_desktop

clean:
	rm -rf build dist
