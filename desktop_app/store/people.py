"""The Store's people: the members of the household, one row of ``people`` each."""

from __future__ import annotations

from desktop_app.core.model import Person
from desktop_app.store.records import Records
from desktop_app.store.rows import person_from_row, person_to_row


class PeopleRecords(Records):
    def add_person(self, person: Person) -> int:
        return self._insert_stamped("people", person_to_row(person))

    def update_person(self, person: Person) -> None:
        self._update_stamped("people", person.id, person_to_row(person))

    def person(self, person_id: int) -> Person | None:
        row = self._live_row("people", person_id)
        return person_from_row(row) if row else None

    def person_by_name(self, name: str) -> Person | None:
        row = self._one("SELECT * FROM people WHERE name = ? COLLATE NOCASE AND trash_id IS NULL", [name.strip()])
        return person_from_row(row) if row else None

    def people(self) -> list[Person]:
        return [person_from_row(r) for r in self._rows(
            "SELECT * FROM people WHERE trash_id IS NULL ORDER BY name")]
