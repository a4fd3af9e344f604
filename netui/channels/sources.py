"""An archive as a tree of members: a zip (read in place, never unpacked), a folder, a file."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, cast

from netui.errors import InputError

MAX_MEMBERS = 200_000  # a folder walk stops here (a home folder typed by mistake)


class Tree:
    """Members by relative POSIX path; `open` gives a binary stream of one of them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = path.name or str(path)

    def names(self) -> list[str]:
        raise NotImplementedError

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        raise NotImplementedError
        yield  # pragma: no cover

    def where(self, name: str) -> str:
        """How an error names a member: 'export.zip: messages.csv'."""
        return f"{self.label}: {name}" if name != self.label else self.label

    def find(self, *suffixes: str) -> list[str]:
        """Members whose path ends with one of these (case-insensitive), in name order."""
        wanted = tuple(s.casefold() for s in suffixes)
        return sorted(n for n in self.names() if n.casefold().endswith(wanted))

    def read_text(self, name: str) -> str:
        with self.open(name) as fh:
            data = fh.read()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{self.where(name)} is not UTF-8 text (byte {exc.start + 1})."
            ) from None

    def head(self, name: str, size: int = 4096) -> bytes:
        with self.open(name) as fh:
            return fh.read(size)

    def size(self) -> int:
        """Bytes in all members (what a progress bar counts toward); 0 if unknown."""
        return 0


@contextmanager
def _open_file(path: Path, where: str) -> Iterator[IO[bytes]]:
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise InputError(f"{where} cannot be read ({exc.strerror or exc}).") from None
    with fh:
        yield fh


class FileTree(Tree):
    def names(self) -> list[str]:
        return [self.label]

    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        with _open_file(self.path, self.where(name)) as fh:
            yield fh


class MemoryTree(Tree):
    """A plain file already read whole (netui reads a small file once, not twice)."""

    def __init__(self, path: Path, data: bytes) -> None:
        super().__init__(path)
        self.data = data

    def names(self) -> list[str]:
        return [self.label]

    def size(self) -> int:
        return len(self.data)

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        yield io.BytesIO(self.data)


def _is_regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # follows a symlink; False for FIFOs, sockets, devices
    except OSError:
        return False


class DirTree(Tree):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._names: list[str] | None = None

    def names(self) -> list[str]:
        """Regular files only (symlinks to them too): a FIFO or a device would block or
        never end when read, and a home folder typed by mistake can hold them."""
        if self._names is None:
            found: list[str] = []
            for root, dirs, _files in os.walk(self.path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                rel = PurePosixPath(Path(root).relative_to(self.path).as_posix())
                try:
                    with os.scandir(root) as entries:
                        files = [e.name for e in entries if _is_regular(e)]
                except OSError:
                    continue
                found += [str(rel / f) if str(rel) != "." else f for f in files]
                if len(found) > MAX_MEMBERS:
                    break
            self._names = found
        return self._names

    def size(self) -> int:
        total = 0
        for name in self.names():
            try:
                total += (self.path / name).stat().st_size
            except OSError:
                continue
        return total

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        with _open_file(self.path / name, self.where(name)) as fh:
            yield fh


class CountingTree(Tree):
    """Another tree whose reads are counted: `report(done, total)` as bytes are read (the
    Import screen's progress bar for a big mbox or zip)."""

    def __init__(self, inner: Tree, report: Callable[[int, int], None]) -> None:
        super().__init__(inner.path)
        self.label = inner.label
        self.inner = inner
        self.report = report
        self.total = inner.size()
        self.done = 0

    def names(self) -> list[str]:
        return self.inner.names()

    def size(self) -> int:
        return self.total

    def counted(self, amount: int) -> None:
        self.done += amount
        self.report(min(self.done, self.total), self.total)

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        with self.inner.open(name) as fh:
            yield cast("IO[bytes]", io.BufferedReader(_Counted(fh, self)))


class _Through(io.RawIOBase):
    """A read-only raw stream over `fh` whose every read goes through `read` (what a
    subclass watches); a BufferedReader on top reads it in chunks."""

    def __init__(self, fh: IO[bytes]) -> None:
        super().__init__()
        self.fh = fh

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self.fh.read(size)

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Counted(_Through):
    """Tells its tree how many bytes were read (the progress of a scan)."""

    def __init__(self, fh: IO[bytes], tree: CountingTree) -> None:
        super().__init__(fh)
        self.tree = tree

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        self.tree.counted(len(data))
        return data


class ZipTree(Tree):
    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        super().__init__(path)
        self.zip = archive
        self._names = [i.filename for i in archive.infolist() if not i.is_dir()]

    def names(self) -> list[str]:
        return self._names

    def size(self) -> int:
        return sum(i.file_size for i in self.zip.infolist())

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        try:
            fh = self.zip.open(name)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
            raise InputError(
                f"{self.where(name)} cannot be read from the zip ({_why(exc)})."
            ) from None
        try:
            yield cast("IO[bytes]", io.BufferedReader(_ZipGuard(fh, self.where(name))))
        finally:
            fh.close()


def _why(exc: BaseException) -> str:
    """zipfile's reason without the member's name it repeats: 'Bad CRC-32 for file 'a/b''"""
    return re.sub(r" for (?:file )?'[^']*'$", "", str(exc)) or type(exc).__name__


class _ZipGuard(_Through):
    """A zip member stream whose corruption errors become one-line InputErrors."""

    def __init__(self, fh: IO[bytes], where: str) -> None:
        super().__init__(fh)
        self.where_ = where

    def read(self, size: int = -1) -> bytes:
        try:
            return self.fh.read(size)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise InputError(f"{self.where_} is damaged inside the zip ({_why(exc)}).") from None


@contextmanager
def open_tree(path: Path, data: bytes | None = None) -> Iterator[Tree]:
    """A folder, a zip or a plain file as a Tree; one-line errors for what cannot be read.
    `data`: the file's bytes when they were read already (then the file is not opened)."""
    if data is None and not path.exists():
        raise InputError(f"{path} does not exist.")
    if data is None and path.is_dir():
        yield DirTree(path)
        return
    where: Path | IO[bytes] = path if data is None else io.BytesIO(data)
    try:
        is_zip = zipfile.is_zipfile(where)
    except OSError as exc:
        raise InputError(f"{path.name} cannot be read ({exc.strerror or exc}).") from None
    if not is_zip:
        yield FileTree(path) if data is None else MemoryTree(path, data)
        return
    try:
        archive = zipfile.ZipFile(where)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path.name} is not a readable zip ({exc}).") from None
    with archive:
        yield ZipTree(path, archive)
