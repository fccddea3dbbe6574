"""The English-French terminology table: complete in both languages, and it has the key terms."""

from __future__ import annotations

from pocedu.content import packaged


def test_every_term_has_a_french_equivalent_and_notes_in_both_languages() -> None:
    table = packaged().terminology.equivalents
    assert len(table) >= 60
    for e in table:
        assert e.term.fr and e.term.fr.strip(), e.id
        if e.uncertain is not None:
            assert e.uncertain.fr, e.id


def test_the_core_terms_use_the_official_french() -> None:
    fr = {e.id: (e.term.fr, e.acronym_fr) for e in packaged().terminology.equivalents}
    assert fr["poc"] == ("protection des civils", "PdC")
    assert fr["fpu"] == ("unité de police constituée", "UPC")
    assert fr["crsv"] == ("violences sexuelles liées aux conflits", "VSLC")
    assert fr["dpko"][1] == "DOMP"
