"""A step of the criteria's own that crashes (AUD009 when run with allow_code); without it, the file is refused (AUD008).

The tests copy this folder elsewhere before running it: pytest must not load tests/audit/conftest.py above it.
"""

from pytest_bdd import step


@step("bước riêng này hỏng")
def broken() -> None:
    raise RuntimeError("lỗi lập trình trong bước riêng")
