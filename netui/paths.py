"""Where netui keeps its files: data, config, backups (one place, platformdirs).

pathlib and platformdirs are imported inside the functions: `netui query` reads the
constants below on its fast path, where those imports would cost more than the query.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not typing's: importing typing costs the fast path ~4 ms
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "netui"
DB_ENV = "NETUI_DB"
CONFIG_ENV = "NETUI_CONFIG_DIR"


def ensure_private_dir(path: Path) -> Path:
    """Create a folder readable only by the user (0700), fixing the mode if it exists."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def data_dir() -> Path:
    from platformdirs import user_data_path

    return ensure_private_dir(user_data_path(APP_NAME))


def config_dir() -> Path:
    from pathlib import Path

    from platformdirs import user_config_path

    override = os.environ.get(CONFIG_ENV)
    if override:
        return ensure_private_dir(Path(override).expanduser())
    return ensure_private_dir(user_config_path(APP_NAME))


def database_path(cli_value: str | None = None) -> Path:
    """The database file: `--db` first, then `NETUI_DB`, then the data folder."""
    from pathlib import Path

    chosen = cli_value or os.environ.get(DB_ENV)
    if chosen:  # the user's own place: a missing folder is said, not made (netui.db_probe)
        return Path(chosen).expanduser()
    return data_dir() / "netui.db"


def demo_database_path() -> Path:
    return data_dir() / "demo.db"


def backup_dir(db_path: Path) -> Path:
    return ensure_private_dir(db_path.parent / "backups")


def assets_dir() -> Path:
    """The shipped assets: inside the wheel, or the repository's `assets/` in a checkout."""
    from importlib import resources  # 6 ms: only when assets are read, not at start-up
    from pathlib import Path

    packaged = resources.files("netui") / "assets"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "assets"


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 (or tighten an existing one)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
