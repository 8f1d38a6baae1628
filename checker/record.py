"""Small immutable records for the start-up path, without dataclasses' import cost.

NOTE: `@dataclass` writes the source of `__init__`, `__eq__`, `__repr__`… and
compiles it with exec() when the class is created: 0.7 ms for a small class,
~2.5 ms for a frozen one of 15 fields, paid by every run before any work.
The records read on every run (Finding, Hit, Rule, Config, Param, Source)
subclass `Record` instead and write their `__init__` by hand (positional
order = field order, as a dataclass's); `Record` gives them what
`@dataclass(frozen=True)` gave: assignment raises, equality and hash by the
compared fields, a dataclass-style repr, and pickling (used under -j).
"""
from __future__ import annotations

set_field = object.__setattr__  # for the hand-written __init__ of frozen records


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a record (as dataclasses.FrozenInstanceError)."""


class Record:
    """Fields are the `__slots__`; `_compare` and `_repr` default to all of them."""
    __slots__ = ()
    _compare: tuple = ()   # set by __init_subclass__ when a subclass does not
    _repr: tuple = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields = cls.__dict__.get("__slots__", ())
        cls.__match_args__ = tuple(fields)
        if "_compare" not in cls.__dict__:
            cls._compare = tuple(fields)
        if "_repr" not in cls.__dict__:
            cls._repr = tuple(fields)

    def __setattr__(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _key(self) -> tuple:
        return tuple([getattr(self, name) for name in self._compare])

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._repr)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self):
        return (self.__class__, tuple([getattr(self, name) for name in self.__slots__]))
