from tests.cli import run_cli
from tests.clients import make_driver

__all__ = ["make_driver", "run_cli"]
