"""The generated Swedish sentences of a protokoll."""

from namndapp import swedish
from namndapp.services import minutes_wording as w


def test_names_and_genitive():
    assert w.person_label("Anna Berg", "S") == "Anna Berg (S)"
    assert w.person_genitive("Anna Berg", "S") == "Anna Bergs (S)"
    assert w.person_genitive("Lars Nils", "M") == "Lars Nils (M)"
    assert w.join_names(["A (M)", "B (KD)", "C (L)"]) == "A (M), B (KD) och C (L)"
    assert swedish.paragraph_span([40, 38, 39, 42]) == "§§ 38–40, 42"
    assert swedish.paragraph_span([7]) == "§ 7"


def test_decision_intro_and_clauses():
    assert w.decision_intro("Socialnämnden", "beslut") == "Socialnämnden beslutar"
    assert w.decision_intro("Arbetsutskottet", "förslag", "Socialnämnden") == "Arbetsutskottet föreslår socialnämnden besluta"
    assert w.bare_clause("Att godkänna rapporten, samt") == "att godkänna rapporten"
    assert w.bare_clause("att lägga den till handlingarna.") == "att lägga den till handlingarna"
    assert w.formatted_clauses(["att a", "att b", "att c"]) == ["att a,", "att b, samt", "att c."]
    assert w.decision_sentence("Nämnden beslutar", ["att a", "att b"]) == "Nämnden beslutar att a, samt att b."


def test_motion_sentences():
    assert w.motion_sentence("bifall", "Anna Berg", "S") == "Anna Berg (S) yrkar bifall till förvaltningens förslag."
    assert w.motion_sentence("avslag", "Bo Ek", "M", on_behalf_of="Moderaterna") == \
        "Bo Ek (M) yrkar för Moderaterna avslag på förvaltningens förslag."
    assert w.motion_sentence("bifall", "Bo Ek", "M", target_label="Anna Bergs (S) yrkande") == \
        "Bo Ek (M) yrkar bifall till Anna Bergs (S) yrkande."
    assert w.motion_sentence("återremiss", "Bo Ek", "M") == "Bo Ek (M) yrkar att ärendet återremitteras."
    assert w.motion_label("avslag", "Bo Ek", "M") == "Bo Eks (M) avslagsyrkande"


def test_proposition_sentences():
    assert w.proposition_sentence("bifall_avslag", "first", "nämnden", "förvaltningens förslag") == (
        "Ordföranden ställer proposition på bifall mot avslag till förvaltningens förslag och finner att nämnden "
        "beslutar enligt förslaget.")
    assert w.proposition_sentence("bifall_avslag", "second", "nämnden", "förvaltningens förslag") .endswith(
        "finner att nämnden beslutar att avslå förslaget.")
    assert w.proposition_sentence("mot_varandra", "second", "utskottet", "förvaltningens förslag",
                                  "Bo Eks (M) yrkande") == (
        "Ordföranden ställer proposition på förvaltningens förslag mot Bo Eks (M) yrkande och finner att "
        "utskottet beslutar enligt Bo Eks (M) yrkande.")
    assert w.proposition_sentence("återremiss", "first", "nämnden", "förvaltningens förslag") == (
        "Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras och finner att "
        "nämnden beslutar att ärendet ska avgöras i dag.")


def test_vote_sentences():
    texts = w.vote_texts("mot_varandra", "first", "nämnden", "förvaltningens förslag", "Bo Eks (M) yrkande", 7, 4, 0)
    assert texts["sentence"] == (
        "Omröstning begärs och verkställs. Följande propositionsordning godkänns: Ja-röst för förvaltningens "
        "förslag. Nej-röst för Bo Eks (M) yrkande. Med 7 ja-röster mot 4 nej-röster beslutar nämnden enligt "
        "förvaltningens förslag.")
    assert w.vote_texts("bifall_avslag", "second", "nämnden", "förslaget", None, 1, 1, 2)["result"] == (
        "Med 1 ja-röst mot 1 nej-röst, 2 avstår, beslutar nämnden med ordförandens utslagsröst att avslå förslaget.")


def test_reservation_jav_note_adjournment():
    assert w.reservation_sentence(["X (M)", "Y (KD)"], "eget yrkande") == \
        "X (M) och Y (KD) reserverar sig till förmån för eget yrkande."
    assert w.reservation_sentence(["X (M)"], "eget yrkande", with_text=True).endswith("eget yrkande enligt följande:")
    assert w.disqualification_sentence("Z (S)", "W (S)") == (
        "Z (S) anmäler jäv och deltar inte i handläggningen av ärendet. Ersättaren W (S) tjänstgör i stället "
        "för Z (S).")
    assert w.disqualification_sentence("Z (S)") == "Z (S) anmäler jäv och deltar inte i handläggningen av ärendet."
    assert w.note_sentence(["Q (SD)"]) == "Q (SD) lämnar följande protokollsanteckning:"
    assert w.adjournment_sentence("08:58", "09:05") == "Sammanträdet ajourneras kl. 08:58–09:05."
