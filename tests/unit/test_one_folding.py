"""One folding for every search: the contact filter, the full-text index (ctrl+f), the
merge picker's first look-up and the completions find names in 20 scripts and
languages typed in plain letters, or in their own script."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.domain.contact_filter import ContactFilter
from coffeechat.domain.text import folded
from coffeechat.models import Contact
from coffeechat.store import Store
from coffeechat.store.search_schema import fold_search_index
from coffeechat.tui.widgets.suggest import FoldedSuggestions
from tests.conftest import open_as_made_before

# (name as written, what a user types to find it: plain letters, or the name's own script)
NAMES = [
    ("Søren Kierkegaard", ("soren", "Kierkegaard")),  # Danish ø
    ("Łukasz Żółć", ("lukasz", "zolc")),  # Polish ł, ż
    ("Đorđe Balašević", ("dorde", "balasevic")),  # Serbian Latin đ
    ("Jürgen Großmann", ("jurgen", "grossmann")),  # German ü, ß
    ("Ænne Læssøe", ("aenne", "laessoe")),  # Danish æ
    ("Þórunn Guðmundsdóttir", ("thorunn", "gudmundsdottir")),  # Icelandic þ, ð
    ("José Núñez", ("jose", "nunez")),  # Spanish
    ("Hélène Lefèvre", ("helene", "lefevre")),  # French
    ("Şükrü Yılmaz", ("sukru", "yilmaz")),  # Turkish ş, dotless ı
    ("Nguyễn Thị Minh Khai", ("nguyen", "thi minh")),  # Vietnamese stacked marks
    ("Antonín Dvořák", ("antonin", "dvorak")),  # Czech ř
    ("Erdős Pál", ("erdos", "pal")),  # Hungarian ő
    ("Ștefan Țurcanu", ("stefan", "turcanu")),  # Romanian comma below
    ("Дмитрий Шостакович", ("dmitriy", "shostakovich", "Шостакович")),  # Russian
    ("Γιώργος Σεφέρης", ("giorgos", "seferis", "Σεφέρης")),  # Greek
    ("王小明", ("王小明", "wangxiaoming")),  # Chinese
    ("김민준", ("김민준", "gimminjun")),  # Korean
    ("محمد عبد الله", ("محمد",)),  # Arabic
    ("אפרים קישון", ("קישון",)),  # Hebrew
    ("राजेश कुमार", ("कुमार", "kumar")),  # Hindi
    ("ნინო ბურჯანაძე", ("ნინო", "nino")),  # Georgian
    ("สมชาย ใจดี", ("สมชาย",)),  # Thai
]
CASES = [(name, typed) for name, forms in NAMES for typed in forms]


def test_the_table_spans_twenty_scripts_and_languages() -> None:
    assert len(NAMES) >= 20


@pytest.mark.parametrize(("name", "typed"), CASES)
def test_folding_finds_the_name(name: str, typed: str) -> None:
    assert folded(typed) in folded(name)
    assert folded(typed.upper()) in folded(name.upper())


@pytest.mark.parametrize(("name", "typed"), CASES)
def test_the_contact_filter_finds_the_name(name: str, typed: str) -> None:
    rows = [Contact(name=n, organization="Acme") for n, _ in NAMES]
    assert [row.name for row in ContactFilter(rows).match(typed)] == [name]


@pytest.mark.parametrize(("name", "typed"), CASES)
async def test_completion_offers_the_name(name: str, typed: str) -> None:
    suggestions = FoldedSuggestions([n for n, _ in NAMES])
    if folded(name).startswith(folded(typed)):
        assert await suggestions.get_suggestion(typed) == name


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory):
    store = Store.open(tmp_path_factory.mktemp("fold") / "coffeechat.db")
    ids = {}
    for name, _ in NAMES:
        contact = store.contacts.add(Contact(name=f"Person {len(ids)}"))
        store.notes.save_research(contact.id, f"Met {name} at the archive.")
        ids[name] = contact.id
    yield store, ids
    store.close()


@pytest.mark.parametrize(("name", "typed"), CASES)
def test_the_full_text_index_finds_the_name(indexed, name: str, typed: str) -> None:
    store, ids = indexed
    hits = store.search.query(typed)
    assert [hit.contact_id for hit in hits] == [ids[name]]
    (hit,) = hits
    assert name.split()[0] in hit.snippet or name in hit.snippet
    assert hit.highlights, "the matched word is marked in the text as written"


@pytest.mark.parametrize("typed", ["soren", "lukasz", "dorde"])
def test_the_merge_pickers_first_look_up_folds_too(store: Store, typed: str) -> None:
    first = store.contacts.add(Contact(name="Kai Berg"))
    wanted = {
        store.contacts.add(Contact(name=name)).id
        for name in ("Søren Kierkegaard", "Łukasz Żółć", "Đorđe Balašević")
        if folded(name).startswith(typed)
    }
    found = store.duplicates.merge_candidates(first.id, typed)
    assert {row.id for row in found} == wanted


def test_an_index_made_before_the_one_folding_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "coffeechat.db"
    open_as_made_before(monkeypatch, fold_search_index)
    store = Store.open(path)
    soren = store.contacts.add(Contact(name="Kai Berg"))
    store.notes.save_research(soren.id, "Søren Kierkegaard's archive")
    store.close()
    monkeypatch.undo()
    store = Store.open(path)
    try:
        assert [hit.contact_id for hit in store.search.query("soren")] == [soren.id]
        store.notes.save_research(soren.id, "Łukasz next")  # the triggers fold too
        assert [hit.contact_id for hit in store.search.query("lukasz")] == [soren.id]
        assert store.search.query("soren") == []
    finally:
        store.close()
