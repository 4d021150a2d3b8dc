"""The referral tree: who led to whom, safe against loops made by later edits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    referred_by: int | None = None


@dataclass(slots=True)
class Node:
    person: Person
    children: list[Node] = field(default_factory=list)
    loops_back: bool = False
    """The person appears higher up the same branch: shown once more, not expanded."""


class Network:
    """Everyone with a referral link, indexed both ways."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people: dict[int, Person] = {p.id: p for p in people}
        self.referred: dict[int, list[int]] = {}
        for person in sorted(self.people.values(), key=lambda p: (p.name.casefold(), p.id)):
            if person.referred_by is not None and person.referred_by in self.people:
                self.referred.setdefault(person.referred_by, []).append(person.id)

    def chain_up(self, person_id: int) -> list[Person]:
        """Who referred *person_id*, then who referred them... top first; stops at a loop."""
        chain: list[Person] = []
        seen = {person_id}
        current = self.people.get(person_id)
        while current is not None and current.referred_by is not None:
            if current.referred_by in seen or current.referred_by not in self.people:
                break
            seen.add(current.referred_by)
            current = self.people[current.referred_by]
            chain.append(current)
        return list(reversed(chain))

    def down(self, person_id: int, _ancestors: frozenset[int] = frozenset()) -> Node:
        """The tree of everyone *person_id* led to; a loop is marked, never followed."""
        person = self.people[person_id]
        if person_id in _ancestors:
            return Node(person, loops_back=True)
        ancestors = _ancestors | {person_id}
        return Node(
            person, [self.down(child, ancestors) for child in self.referred.get(person_id, [])]
        )

    def roots(self) -> list[int]:
        """People who referred someone and were referred by no one known: "me"'s network.

        People caught in a loop with no way in get one of them as a root, so nobody
        with a referral link is left out.
        """
        roots = [
            pid
            for pid in self.referred
            if self.people[pid].referred_by is None
            or self.people[pid].referred_by not in self.people
        ]
        reached: set[int] = set()
        for root in roots:
            _collect(self.down(root), reached)
        for pid in sorted(self.referred, key=lambda p: (self.people[p].name.casefold(), p)):
            if pid not in reached:
                roots.append(pid)
                _collect(self.down(pid), reached)
        return sorted(roots, key=lambda p: (self.people[p].name.casefold(), p))


def _collect(node: Node, into: set[int]) -> None:
    into.add(node.person.id)
    for child in node.children:
        _collect(child, into)


def count(node: Node) -> int:
    """People in the tree below *node* (not counting it, nor loop markers)."""
    return sum(0 if child.loops_back else 1 + count(child) for child in node.children)


def network(people: Mapping[int, tuple[str, int | None]]) -> Network:
    return Network(Person(pid, name, ref) for pid, (name, ref) in people.items())


WRITE_WITHIN = 2
"""Business days after the call to write to a person suggested on it (the method: while
the referrer's name is fresh in both minds)."""


def referral_action(name: str, referrer: str, call_day: str, introduction: str) -> str:
    """The next action for someone *referrer* suggested on the call of *call_day*: the
    intro letter, naming the referrer only when they said yes; asking first when the
    question was not asked. Ends with where it came from, so the agenda shows it."""
    source = (
        f"suggested by {referrer} on the call of {call_day}"
        if call_day
        else (f"suggested by {referrer}")
    )
    if introduction == "use name":
        return f"Write an intro letter to {name} ({source}, who said you may use their name)"
    if introduction == "no name":
        return f"Write an intro letter to {name} without naming {referrer} ({source})"
    return f"Ask {referrer} if you may use their name, then write to {name} ({source})"
