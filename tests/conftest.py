from tests.clients import make_driver

__all__ = ["make_driver"]
