"""The benchmark harness (`make bench`): seeds a local Synapse, drives the real client."""
