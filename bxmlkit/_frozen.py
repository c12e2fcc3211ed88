"""``Frozen``: the base of the small immutable value classes on ``bxmlkit lint``'s start-up path.

``dataclasses`` costs about 10 ms of start-up (it imports ``inspect``, which imports ``ast``,
``dis`` and ``tokenize``) and every ``@dataclass`` about 0.5 ms more to generate its methods,
while ``bxmlkit lint one.xml`` must start within 2x ``python -c "import lxml.etree"``
(``benchmarks/bench_startup.py``).  So the value classes the linter imports (``Diagnostic``,
``Violation``, ``Config``) are plain classes on this base instead:

* a subclass names its fields in ``_fields`` (in constructor order), makes them its
  ``__slots__``, and assigns each one exactly once in ``__init__`` as
  ``self.name: Final = value``, so that type checkers see the fields read-only;
* this base gives what ``@dataclass(frozen=True)`` gave them: ``==`` and ``hash()`` over the
  fields (a subclass may compare fewer by overriding ``_key``), a ``Name(field=value, ...)``
  repr, ``replace(**changes)``, and ``dataclasses.FrozenInstanceError`` (an
  ``AttributeError``) on any later assignment or deletion.  Pickling and ``copy`` work
  (slots are restored one by one, each for the first time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NoReturn, TypeVar

__all__ = ["Frozen"]

_F = TypeVar("_F", bound="Frozen")


def _refuse(name: str) -> NoReturn:
    from dataclasses import FrozenInstanceError  # only when someone tries: not at start-up

    raise FrozenInstanceError(f"cannot assign to field {name!r}")


class Frozen:
    """Base of an immutable value class whose fields are its ``__slots__``."""

    __slots__ = ()
    #: The fields, in constructor order (repr, ``==`` and ``replace`` follow it).
    _fields: ClassVar[tuple[str, ...]] = ()

    if not TYPE_CHECKING:  # type checkers should keep refusing unknown attribute names

        def __setattr__(self, name: str, value: Any) -> None:
            if hasattr(self, name):  # set already (by __init__), or not a field at all
                _refuse(name)
            object.__setattr__(self, name, value)

        def __delattr__(self, name: str) -> None:
            _refuse(name)

    def _key(self) -> tuple[Any, ...]:
        """The values ``==``, ``hash()`` (and ordering, where a subclass has it) compare."""
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, Frozen)
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def replace(self: _F, **changes: Any) -> _F:
        """A copy with ``changes`` applied (as ``dataclasses.replace`` did)."""
        values: dict[str, Any] = {name: getattr(self, name) for name in self._fields}
        for name in changes:
            if name not in values:
                raise TypeError(f"{type(self).__name__} has no field {name!r}")
        values.update(changes)
        return type(self)(**values)
