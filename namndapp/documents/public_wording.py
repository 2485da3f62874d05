"""The fixed sentences public documents print in place of what they withhold.

Kept in one module without any PDF library so that the final scan (namndapp.public.scan) knows the
documents' own words: a confidential text that happens to say "omfattas av sekretess enligt 26 kap. 1 §
OSL" is not leaked by a page that says the same. `{ref}` is " enligt <OSL reference>" or "".
"""

WITHHELD_ITEM = ("Handlingarna till den här punkten omfattas av sekretess{ref} och ingår inte i den "
                 "offentliga versionen av handlingarna.")
WITHHELD_DOCUMENT = "Handlingen omfattas av sekretess{ref} och ingår inte i den offentliga versionen av handlingarna."
WITHHELD_SCREENED = ("Bilagan ”{title}” ingår inte i den offentliga versionen av handlingarna: {reason}. Den finns "
                     "i den interna versionen.")
WITHHELD_PARAGRAPH = "Paragrafen omfattas av sekretess{ref} och redovisas inte i den offentliga versionen av protokollet."
PROTECTION = "Skyddskod: Allmän handling – skyddad enligt sekretess"
KALLELSE_NOTE = ("Offentlig version. Punkter som omfattas av sekretess visas med en allmän rubrik, "
                 "utan diarienummer och namn.")
MINUTES_MARKER = "Offentlig version – uppgifter som omfattas av sekretess är borttagna"

SENTENCES = (WITHHELD_ITEM, WITHHELD_DOCUMENT, WITHHELD_SCREENED, WITHHELD_PARAGRAPH, PROTECTION, KALLELSE_NOTE,
             MINUTES_MARKER)


def reference(secrecy_ref) -> str:
    """' enligt 26 kap. 1 § OSL', or '' without a reference."""
    text = (secrecy_ref or "").strip() if isinstance(secrecy_ref, str) else ""
    return f" enligt {text}" if text else ""


def sentences(references) -> list[str]:
    """Every fixed sentence as it may be printed, with each of the given OSL references."""
    refs = {reference(r) for r in references} | {""}
    return [sentence.replace("{title}", "").replace("{reason}", "").replace("{ref}", ref)
            for sentence in SENTENCES for ref in refs]
