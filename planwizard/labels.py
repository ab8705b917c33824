"""Every Dutch text a user reads in messages and the command line, in one place.

The wizard's screens and the document's fixed prose have their own texts (tui/,
templates/); the words they share with the command line (statuses, kinds) live here.
"""

from __future__ import annotations

import errno

STATUS = {
    "done": "Geregeld",
    "partial": "Deels geregeld",
    "todo": "Nog te doen",
    "not_applicable": "Niet van toepassing",
}
UNANSWERED = "Nog niet beantwoord"
KIND = {"aandachtspunt": "Aandachtspunt", "actiepunt": "Actiepunt"}
LEVEL = {"stelsel": "Stelsel", "organisatie": "Organisatie", "uitvoering": "Uitvoering"}

# ------------------------------------------------------------------ files and YAML
ERR_IS_DIR = "is een map, geen bestand"
ERR_MISSING = "bestand of map bestaat niet"
ERR_NOT_REGULAR = "is geen gewoon bestand (bijvoorbeeld een pipe of apparaat)"
ERR_NO_FOLDER = "de map waarin dit bestand moet komen bestaat niet"
ERR_UTF16_NO_BOM = "bestand lijkt UTF-16 zonder byte-order mark; sla het op als UTF-8"
ERR_BAD_UTF16 = "bestand lijkt UTF-16 maar is niet goed te lezen; sla het op als UTF-8"
ERR_YAML_UNCLOSED_QUOTE = "aanhalingsteken wordt niet afgesloten"
ERR_YAML_ESCAPE = "ongeldige escape-code (\\...) in tekst tussen dubbele aanhalingstekens"
ERR_YAML_TAB = "tab gevonden; spring in met spaties"
ERR_YAML_COLON = "onverwachte ':'; zet tekst met een dubbele punt tussen aanhalingstekens"
ERR_YAML_FLOW = "lijst of tabel tussen [ ] of { } is niet goed afgesloten"
ERR_YAML_INDENT = "inspringing klopt niet; controleer de spaties aan het begin van de regel"
ERR_YAML_NO_COLON = "verwachtte ':' na de sleutel"
ERR_YAML_MULTI_DOC = "bestand bevat meer dan één document ('---'); verwacht één"
ERR_YAML_KEY_NOT_TEXT = "een sleutel moet tekst zijn, geen lijst of tabel"
ERR_YAML_MERGE = "samenvoegsleutel '<<' wordt niet ondersteund; schrijf de waarden uit"


def os_error(exc: OSError) -> str:
    """A short Dutch description of why a file could not be read or written."""
    reasons = {
        errno.ENOENT: ERR_MISSING,
        errno.EACCES: "geen toegang (rechten)",
        errno.EPERM: "geen toegang (rechten)",
        errno.EISDIR: ERR_IS_DIR,
        errno.ENOTDIR: "een deel van het pad is geen map",
        errno.ENOSPC: "schijf is vol",
        errno.EROFS: "schijf is alleen-lezen",
        errno.ENAMETOOLONG: "naam is te lang",
        errno.ELOOP: "te veel symbolische koppelingen",
        errno.EDQUOT: "schijfquotum is op",
    }
    return reasons.get(exc.errno or 0, f"kan niet lezen of schrijven ({exc.strerror or exc})")


def err_too_big(size: int, limit: int) -> str:
    return f"bestand is te groot ({size / 1048576:.1f} MB; maximaal {limit // 1048576} MB)"


def err_not_utf8(byte: int) -> str:
    return f"bestand is geen UTF-8 (byte 0x{byte:02x}); sla het op als UTF-8"


def err_bad_char(code: int, position: int = 0) -> str:
    where = f" op positie {position} van de tekst" if position else ""
    return f"teken U+{code:04X} is niet toegestaan{where} (stuurteken of ongeldig teken)"


def err_yaml(detail: str) -> str:
    return f"ongeldige YAML: {detail}"


def err_yaml_token(char: str) -> str:
    return f"teken {char!r} mag hier niet staan"


def err_yaml_tag(tag: str) -> str:
    return f"type-aanduiding {tag!r} is niet toegestaan"


def err_too_deep(limit: int) -> str:
    return f"te diep genest (meer dan {limit} niveaus)"


def err_too_many_nodes(limit: int) -> str:
    return f"te veel waarden (meer dan {limit}); misschien een uitdijende verwijzing (alias)"


def err_duplicate_key(key: str, first_line: int) -> str:
    earlier = f" (eerder op regel {first_line})" if first_line else ""
    return f"sleutel '{key}' komt twee keer voor{earlier}"


def err_unknown_alias(anchor: str) -> str:
    return f"verwijzing *{anchor} verwijst naar niets dat eerder is gedefinieerd"


# ------------------------------------------------------------------ lock beside a plan
def _lock_since(text: str) -> str:
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(text).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return text


def err_locked(lock: str, pid: int | None = None, host: str = "", user: str = "", since: str = "") -> str:
    """Why a plan cannot be opened for editing: who holds it (``pid`` None: unknown), and what to do."""
    if pid is None:
        who = "een ander programma (eigenaar onbekend)"
    else:
        who = f"proces {pid} op computer '{host}'"
        if user:
            who += f" (gebruiker {user})"
        if since:
            who += f" sinds {_lock_since(since)}"
    return (
        f"is al geopend in een andere wizard: {who}. Sluit die wizard eerst, of open het plan "
        f"alleen lezen. Weet u zeker dat er geen wizard meer open is, verwijder dan {lock}."
    )


def err_lock_not_file(lock: str) -> str:
    return f"vergrendelbestand {lock} is geen gewoon bestand (bijvoorbeeld een koppeling); verwijder het eerst"


# ------------------------------------------------------------------ validation
def err_expected(what: str, got: object) -> str:
    return f"verwacht {what}, gevonden {describe(got)}"


def err_not_text(value: object, source: str) -> str:
    return (f"verwacht tekst, gevonden {describe(value)}; is het tekst, zet het dan tussen aanhalingstekens: "
            f"\"{source}\"")


def describe(value: object) -> str:
    """How a wrong value is named in a message: its type in Dutch."""
    import datetime as dt

    if value is None:
        return "niets"
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, dt.date):
        return f"datum {value.isoformat()}"
    if isinstance(value, (int, float)):
        return f"getal {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"tekst '{short}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel (sleutels met waarden)"
    return type(value).__name__


def err_unknown_key(key: str, allowed: list[str]) -> str:
    return f"onbekende sleutel '{key}' (toegestaan: {', '.join(allowed)})"


def err_missing_key(key: str) -> str:
    return f"sleutel '{key}' ontbreekt"


def err_text_too_long(length: int, limit: int) -> str:
    return f"tekst is te lang ({length} tekens; maximaal {limit})"


def quoted(value: object) -> str:
    """A wrong value as shown in a message: text in quotes, anything else described."""
    return f"'{value}'" if isinstance(value, str) and len(value) <= 40 else describe(value)


def err_bad_date(value: object) -> str:
    return f"ongeldige datum {quoted(value)}; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-06-30"


def err_bad_choice(value: object, choices: list[str]) -> str:
    return f"ongeldige waarde {quoted(value)}; kies uit {', '.join(choices)}"


def err_unknown_item(item_id: str, hint: str = "") -> str:
    extra = f"; bedoelt u {hint}?" if hint else ""
    return f"onbekend checklistpunt '{item_id}'{extra}"


def err_unknown_example(example_id: str, hint: str = "") -> str:
    extra = f"; bedoelt u {hint}?" if hint else ""
    return f"onbekend voorbeeld '{example_id}'{extra}"


def err_duplicate_id(kind: str, ident: str, first_line: int) -> str:
    return f"{kind} '{ident}' komt twee keer voor (eerder op regel {first_line})"


def err_format(value: object, expected: str) -> str:
    return f"onbekend bestandsformaat {describe(value)}; deze versie van planwizard leest '{expected}'"


def err_unknown_checklist(ident: object, known: list[str]) -> str:
    return f"onbekende checklist {describe(ident)} (bekend: {', '.join(known) or 'geen'})"


def err_unknown_version(version: object, ident: str, known: list[str]) -> str:
    return (
        f"onbekende versie {describe(version)} van checklist '{ident}' "
        f"(bekend: {', '.join(known)})"
    )


def _day(day) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def warn_as_of_missing(item: str) -> str:
    return f"{item}: geef de peildatum op (as_of: JJJJ-MM-DD), de datum waarop deze stand is nagegaan"


def warn_source_missing(item: str) -> str:
    return f"{item}: geef de bron op (source), bijvoorbeeld een Kamerbrief of een bericht van de VNG"


def warn_as_of_after_plan(item: str, as_of, plan_date) -> str:
    return f"{item}: de peildatum {_day(as_of)} ligt na de datum van het plan ({_day(plan_date)})"


def warn_as_of_stale(item: str, as_of, plan_date) -> str:
    return (f"{item}: de peildatum {_day(as_of)} ligt meer dan een half jaar voor de datum van het plan "
            f"({_day(plan_date)}); ga de stand opnieuw na")


def warn_action_overdue(item: str, what: str, due, plan_date) -> str:
    short = what if len(what) <= 60 else what[:57] + "..."
    return (f"{item}: actie '{short}' had op {_day(due)} klaar moeten zijn, voor de datum van het plan "
            f"({_day(plan_date)}); pas de datum aan of zet het punt op Geregeld")


def warn_old_version(old: str, new: str) -> str:
    return (
        f"geschreven voor checklistversie {old}; de huidige is {new}. "
        f"'planwizard migrate' zet het bestand om zonder antwoorden te verliezen"
    )


def err_future_version(version: str, newest: str) -> str:
    return f"checklistversie {version} is nieuwer dan deze planwizard kent ({newest}); werk planwizard bij"


# ------------------------------------------------------------------ gemeenten
def err_unknown_gemeente(name: str, suggestions: list[str]) -> str:
    hint = f"; bedoelt u {' of '.join(suggestions)}?" if suggestions else ""
    return f"onbekende gemeente '{name}'{hint}"


def err_ambiguous_gemeente(name: str, options: list[str]) -> str:
    return f"'{name}' past bij meer gemeenten: {', '.join(options)}; geef de volledige naam"


def err_unknown_region(name: str, suggestions: list[str]) -> str:
    hint = f"; bedoelt u {' of '.join(suggestions)}?" if suggestions else "; zie planwizard regions"
    return f"onbekende regio '{name}'{hint}"


def err_ambiguous_region(name: str, options: list[str]) -> str:
    return f"'{name}' past bij meer regio's: {', '.join(options)}; geef meer van de naam"


def err_bad_region_member(region: str, code: str) -> str:
    return f"regio {region}: lid {code} staat dubbel of heeft een onbekende betrouwbaarheid"


def msg_merged(old: str, current: str, year: int) -> str:
    return f"{old} hoort sinds {year} bij {current}"


def warn_name_code(name: str, code: str, name_of_code: str, code_of_name: str) -> str:
    return (f"naam '{name}' en code {code} horen niet bij elkaar: {code} is {name_of_code}, "
            f"{name} heeft {code_of_name}; controleer naam en code")


def warn_unknown_code(code: str, name: str, code_of_name: str) -> str:
    hint = f"; {name} heeft {code_of_name}" if name else ""
    return f"code {code} staat niet in de lijst van gemeenten{hint}"


def warn_unknown_name(name: str, name_of_code: str, suggestions: list[str]) -> str:
    if name_of_code:
        return f"gemeente '{name}' staat niet in de lijst van gemeenten; de code hoort bij {name_of_code}"
    hint = f"; bedoelt u {' of '.join(suggestions)}?" if suggestions else ""
    return f"gemeente '{name}' staat niet in de lijst van gemeenten{hint}"


# ------------------------------------------------------------------ command line
MSG_VALID = "in orde"


def msg_valid_with_warnings(count: int) -> str:
    return f"in orde, met {count} {'waarschuwing' if count == 1 else 'waarschuwingen'}"
MSG_EXISTS = "bestaat al; kies een andere naam of verwijder het eerst"
MSG_INTERRUPTED = "afgebroken"
MSG_UNEXPECTED = "onverwachte fout: {exc}. Draai opnieuw met --debug en meld de uitvoer."


def err_unknown_theme(theme: str, known: list[str]) -> str:
    return f"onbekend thema '{theme}' (bekend: {', '.join(known)})"


def err_own_example_clash(ident: str) -> str:
    return f"eigen voorbeeld '{ident}' heeft dezelfde id als een voorbeeld uit de bibliotheek; kies een andere id"


ERR_NO_EXAMPLES = "de voorbeeldenbibliotheek is leeg"
EXAMPLES_THEMES = "thema's"
EXAMPLES_SOURCE = "bron"


def msg_no_examples(query: str) -> str:
    return f"geen voorbeelden gevonden met '{query}'" if query.strip() else "geen voorbeelden gevonden"


def examples_theme_heading(title: str, count: int) -> str:
    return f"{title} ({count} voorbeeld{'en' if count != 1 else ''})"


def err_version_number(value: str) -> str:
    return f"versie {value} is als getal gelezen; zet de versie tussen aanhalingstekens, bijvoorbeeld \"{value}\""


def err_bad_id(ident: str, what: str) -> str:
    form = "<thema>.<naam>" if what == "punt" else "kleine letters, cijfers en '-'"
    return f"ongeldige id '{ident}' voor een {what} (vorm: {form})"


def err_item_theme(item_id: str, theme_id: str) -> str:
    return f"id '{item_id}' moet beginnen met het thema '{theme_id}.'"


def err_unknown_source(key: str) -> str:
    return f"bron '{key}' staat niet onder 'sources'"


def err_when_unknown(target: str) -> str:
    return f"'when' verwijst naar '{target}', dat geen eerder punt van deze checklist is"


def err_change_target(ident: str) -> str:
    return f"'{ident}' is geen punt van deze checklistversie"


def err_knowledge_date(value: str) -> str:
    return f"kennisstand '{value}' moet de vorm JJJJ-MM hebben, bijvoorbeeld 2026-01"


ERR_MERGE_NOTHING = "een samenvoeging noemt minstens één ander punt dan het punt zelf"


def err_change_source(ident: str) -> str:
    return f"'{ident}' bestaat nog in deze versie en kan dus niet hernoemd, samengevoegd of verwijderd zijn"


ERR_NO_THEMES = "de checklist heeft geen thema's"
ERR_WHEN_SELF = "'when' verwijst naar het punt zelf"
ERR_WHEN_ONE_OF = "'when' heeft precies één van 'status_in' of 'status_not_in' nodig"


ERR_EMPTY_FILE = "bestand is leeg; verwacht een antwoordbestand (begin met 'format: planwizard/1')"
ERR_NO_CHECKLIST = "onbekend voor welke checklist dit bestand is"


def err_bad_code(code: str) -> str:
    return f"ongeldige CBS-code '{code}' (vorm: GM gevolgd door vier cijfers, bijvoorbeeld GM0917)"


def err_no_migration(version: str) -> str:
    return f"voor checklistversie {version} is geen omzetting naar de huidige versie bekend"


def migrated_renamed(old: str, new: str) -> str:
    return f"{old} -> {new} (hernoemd)"


def migrated_merged(old: str, new: str) -> str:
    return f"{old} -> {new} (samengevoegd)"


def migrated_split(old: str, news: list[str]) -> str:
    return f"{old} -> {', '.join(news)} (gesplitst; antwoord naar elk deel gekopieerd)"


def migrated_removed(old: str) -> str:
    return f"{old} vervallen; antwoord bewaard onder 'retired_answers'"


def retired_reason(version: str) -> str:
    return f"punt vervallen in checklistversie {version}"


def merged_from(old_id: str, question: str = "", status: str = "") -> str:
    """The line above a merged text: where it came from (and its old status when statuses differed)."""
    where = f"Eerder beantwoord bij de vraag '{' '.join(question.split())}' ({old_id})" if question else f"Uit '{old_id}'"
    return f"{where}{f', status toen: {status}' if status else ''}:"


def migrated_status_conflict(item: str, statuses: list[str], chosen: str) -> str:
    return (f"{item}: samengevoegde antwoorden hadden verschillende status ({', '.join(statuses)}); "
            f"status '{chosen}' gekozen (de meest open), controleer dit")


def migrated_reworded(item: str) -> str:
    return f"{item}: de vraag is herschreven; controleer of het antwoord er nog bij past"

ASK_REGION_INTRO = "De gemeentelijst kent de regio beschermd wonen van {name} niet."
ASK_REGION = "Regio beschermd wonen (leeg laten = later invullen): "
ASK_CENTRAL = "Centrumgemeente (leeg laten = later invullen): "
ASK_ACCEPT = "Voorstel overnemen? [j/n]: "
MSG_REGION_UNKNOWN = (
    "let op: regio en centrumgemeente zijn nog onbekend; vul ze in met --regio en "
    "--centrumgemeente, in de wizard of in het bestand (municipality: region, central_municipality)"
)
MSG_CENTRAL_UNKNOWN = (
    "let op: de centrumgemeente is nog onbekend; vul die in met --centrumgemeente, in de wizard of in "
    "het bestand (municipality: central_municipality)"
)
CONFIDENCE = {"high": "hoog", "medium": "middel", "low": "laag"}
"""How sure the bundled list is of a gemeente's region, in one word."""
CONFIDENCE_MEANING = {
    "high": "ledenlijst van de regio of centrumgemeente",
    "medium": "secundaire bron",
    "low": "afgeleid, niet bevestigd door een ledenlijst",
}


def ask_suggestion(name: str, region: str, central: str, source: str) -> str:
    return (f"De gemeentelijst plaatst {name} niet zeker in een regio beschermd wonen.\n"
            f"Voorstel: {region}, centrumgemeente {central} ({CONFIDENCE_MEANING['low']}; bron: {source}).")


def msg_region_from_list(region: str, central: str, confidence: str, source: str) -> str:
    return (f"regio beschermd wonen: {region}, centrumgemeente {central} "
            f"(uit de gemeentelijst, {CONFIDENCE_MEANING.get(confidence, confidence)}; bron: {source})")


def msg_region_not_taken(name: str, region: str, central: str) -> str:
    return (f"let op: de regio van {name} is niet zeker; voorstel: {region} (centrumgemeente {central}); "
            "neem het over met --voorstel-overnemen, of geef --regio en --centrumgemeente")


def msg_caution(note: str) -> str:
    return f"let op: {note}"


# ------------------------------------------------------------------ regions (`planwizard regions`)
REGIONS_TITLE = "Regio's beschermd wonen"
REGIONS_LEGEND = (
    "Betrouwbaarheid: hoog = ledenlijst van de regio of centrumgemeente; middel = secundaire bron; "
    "laag = afgeleid, niet bevestigd (planwizard stelt de regio dan alleen voor)."
)
REGIONS_SOURCE = "bron"
COL_CODE = "CBS-code"
COL_CONFIDENCE = "Betrouwbaarheid"
COL_SOURCE = "Bron"
COL_KNOWN = "Wat bekend is"


def regions_intro(regions: int, placed: int, total: int) -> str:
    return (f"{regions} regio's beschermd wonen met {placed} van de {total} gemeenten, elk met de bron "
            "die de gemeente in de regio plaatst.")


def region_heading(name: str, central: str, members: int) -> str:
    return f"{name} · centrumgemeente {central} · {members} gemeente{'n' if members != 1 else ''}"


def region_summary(central: str, members: int) -> str:
    return f"Centrumgemeente {central}; {members} gemeente{'n' if members != 1 else ''}."


def regions_unplaced_heading(count: int) -> str:
    return f"Niet ingedeeld ({count})"


def msg_new_plan(name: str, checklist_id: str, version: str) -> str:
    return f"nieuw plan voor {name} geschreven (checklist {checklist_id} {version})"

ERR_NO_YAML_IN_DIR = "map bevat geen antwoordbestanden (.yaml)"


def msg_already_current(version: str) -> str:
    return f"al op de huidige checklistversie {version}; niets te doen"


def msg_migrate_summary(migrated: int, current: int, retired: int) -> str:
    return (f"{migrated} {'bestand' if migrated == 1 else 'bestanden'} omgezet, {current} al actueel; "
            f"{retired} {'antwoord' if retired == 1 else 'antwoorden'} bewaard onder 'retired_answers'")


def msg_migrated(old: str, new: str, backup: str) -> str:
    return f"omgezet van checklistversie {old} naar {new}; oude bestand bewaard als {backup}"

# ------------------------------------------------------------------ batch and region
ERR_OUT_DIR_NOT_DIR = "bestaat al en is geen map"


def msg_batch_done(written: int, out_dir: str) -> str:
    return f"{written} concept{'en' if written != 1 else ''} geschreven in {out_dir}"


def msg_batch_failed(failed: int) -> str:
    return f"{failed} bestand{'en' if failed != 1 else ''} mislukt (eerste probleem per bestand):"


BATCH_PROGRESS = "Concepten maken"

NO_DUE_DATE = "geen datum"
REGION_TITLE = "Regionaal overzicht lokale uitvoeringsplannen beschermd wonen en beschermd thuis"
REGION_MATRIX = "Stand per gemeente en thema"
REGION_MATRIX_NOTE = (
    "Per thema het aantal geregelde punten van de punten die voor de gemeente gelden "
    "(punten die niet van toepassing zijn tellen niet mee), met het percentage."
)
REGION_MIGRATED_NOTE = "¹ Antwoorden geschreven voor een oudere checklistversie; voor dit overzicht omgezet."
REGION_OPEN = "Open punten die de meeste gemeenten delen"
REGION_NO_OPEN = "Geen punten die in de helft of meer van de gemeenten open staan."
REGION_TIMELINE = "Acties van alle gemeenten op datum"
REGION_NO_ACTIONS = "Er zijn nog geen acties vastgelegd."
REGION_EXAMPLES = "Inspirerende voorbeelden in gebruik"
REGION_NO_EXAMPLES = "Nog geen gemeente heeft een voorbeeld gekozen."
REGION_FAILED = "Niet meegenomen"
ERR_REGION_EMPTY = "geen antwoordbestanden om samen te vatten"
REGION_NONE = "Regio onbekend"
REGION_MISSING = "Gemeenten van de regio zonder plan"
REGION_NO_MISSING = "Van elke gemeente van de regio is een plan meegenomen."
REGION_MISSING_CAPTION = "Tabel: gemeenten van de regio waarvan nog geen plan is meegenomen"


def region_name(region: str) -> str:
    """'Parkstad' -> 'regio Parkstad'; a name that says 'regio' itself stays as it is."""
    return region if "regio" in region.casefold() else f"regio {region}"


def region_line(region: str, central: str) -> str:
    named = region_name(region)
    return named[0].upper() + named[1:] + (f" (centrumgemeente {central})" if central else "")


def region_missing_note(region: str, missing: int, members: int) -> str:
    return (f"Van {missing} van de {members} gemeenten van {region_name(region)} (volgens de gemeentelijst van planwizard) "
            "is nog geen plan meegenomen. Bij een lage betrouwbaarheid is niet zeker dat de gemeente bij de regio hoort.")


def region_skipped(name: str, region: str, chosen: str) -> str:
    return f"overgeslagen: {name} hoort bij {region or 'een onbekende regio'}, niet bij {chosen}"
COL_GEMEENTE = "Gemeente"
COL_GEMEENTEN = "Gemeenten"
COL_TOTAL = "Totaal"
COL_ITEM = "Punt"
COL_THEME = "Thema"
COL_COUNT = "Aantal"
COL_DUE = "Datum"
COL_ACTION = "Actie"
COL_OWNER = "Eigenaar"


def region_intro(count: int, checklist: object, region: str = "") -> str:
    version = getattr(checklist, "version", "")
    of_region = f" van {region_name(region)}" if region else ""
    return (
        f"Dit overzicht vat de lokale uitvoeringsplannen van {count} gemeente{'n' if count != 1 else ''}{of_region} "
        f"samen (checklist versie {version}): hoe ver elke gemeente per thema is, welke punten in veel "
        f"gemeenten nog open staan, alle geplande acties op datum en de voorbeelden die gemeenten volgen."
    )


def region_open_note(threshold: int) -> str:
    return (
        f"Punten die in minstens {threshold} gemeente{'n' if threshold != 1 else ''} nog te doen, deels "
        f"geregeld of niet beantwoord zijn, het vaakst open eerst."
    )


def err_region_other_checklist(found: str, expected: str) -> str:
    return f"gebruikt checklist '{found}', de rest '{expected}'; niet meegenomen"
ERR_DOCX_TO_SCREEN = "een Word-bestand kan niet naar het scherm; geef een bestandsnaam"


# ================================================================== Word draft (render, generate, template)
# Texts of the generated document and of the `generate` and `template` commands.

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def month_year(value: str) -> str:
    """``januari 2026`` for ``2026-01`` (a checklist's knowledge date); empty when there is none."""
    if not value:
        return ""
    year, month = value.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"

DOC_FILE_PREFIX = "Uitvoeringsplan"
DOC_TITLE = "Lokaal uitvoeringsplan beschermd wonen en beschermd thuis"
DOC_KEYWORDS = "beschermd wonen; beschermd thuis; lokaal uitvoeringsplan; doordecentralisatie; regiovisie"
DOC_CATEGORY = "Beleidsplan"
DOC_CONCEPT = "Concept"
DOC_CREATOR_TOOL = "planwizard"


def doc_subject(organisation: str) -> str:
    return f"{DOC_TITLE}, {organisation}"


def doc_description(checklist_title: str, version: str) -> str:
    return f"Concept opgesteld met planwizard op basis van de {checklist_title.lower()} (versie {version})."


def gemeente_name(name: str) -> str:
    return f"Gemeente {name}"


DOC_FACTS = {
    "municipality": "Gemeente",
    "region": "Regio",
    "central": "Centrumgemeente",
    "period": "Periode",
    "version": "Versie",
    "date": "Datum",
    "author": "Opgesteld door",
}
DOC_TOC = "Inhoud"
DOC_TOC_EMPTY = "De inhoudsopgave wordt bijgewerkt zodra het document in Word wordt geopend."
DOC_STATUS = "Status"
DOC_LEVEL = "Niveau"
DOC_AS_OF = "Peildatum"
DOC_SKIPPED_STATUS = "Vervalt (niet van toepassing)"
DOC_ACTIONS = "Acties"
DOC_EXAMPLE = "Inspirerend voorbeeld"
DOC_OWN_EXAMPLE = "Eigen voorbeeld"
DOC_SOURCE = "Bron"
DOC_FILL_IN = "In te vullen."
DOC_UNANSWERED = "Dit punt is nog niet beantwoord."
DOC_WHAT_MATTERS = "Waar het om gaat:"
DOC_NO_NOTES = {
    "done": "Beschrijf hoe dit punt geregeld is en waar de afspraken zijn vastgelegd.",
    "partial": "Beschrijf wat al geregeld is en wat nog ontbreekt.",
    "todo": "Beschrijf wat er nog moet gebeuren en waarom.",
    "not_applicable": "Licht toe waarom dit punt niet van toepassing is voor de gemeente.",
}
DOC_NO_ACTIONS = "Welke acties zijn nodig, wie is trekker en wanneer moeten ze klaar zijn?"
DOC_OWNER = "trekker"
DOC_DUE = "gereed"
DOC_NO_OWNER = "trekker nog bepalen"
DOC_NO_DATE = "geen datum"
DOC_STILL_ANSWERED = "Eerder gegeven antwoord bij dit punt:"


def doc_skipped(number: str, question: str, statuses: list[str], negate: bool) -> str:
    """Why an item does not apply, from its ``when`` condition."""
    which = f"punt {number} ('{question}')" if number else f"het punt '{question}'"
    chosen = " of ".join(f"'{s}'" for s in statuses)
    if negate:
        return f"Dit punt vervalt, omdat bij {which} is gekozen voor {chosen}."
    return f"Dit punt geldt alleen als bij {which} is gekozen voor {chosen}; dat is (nog) niet het geval."


def doc_condition(number: str, question: str, statuses: list[str], negate: bool) -> str:
    """When an item applies, as the checklist appendix states it."""
    which = f"punt {number} ('{question}')" if number else f"het punt '{question}'"
    chosen = " of ".join(f"'{s}'" for s in statuses)
    relation = "niet is gekozen" if negate else "is gekozen"
    return f"Dit punt geldt alleen als bij {which} {relation} voor {chosen}."


DOC_CH_ACTIONS = "Actieplan"
DOC_CH_READINESS = "Stand van zaken per thema"
DOC_CH_OPEN = "Openstaande punten"
DOC_APPENDIX_CHECKLIST = ("Bijlage A", "Volledige checklist")
DOC_APPENDIX_SOURCES = ("Bijlage B", "Bronnen")
DOC_APPENDIX_RETIRED = ("Bijlage C", "Antwoorden bij vervallen punten")
DOC_ACTION_COLUMNS = ("Actie", "Trekker", "Datum gereed", "Thema")


def doc_actions_intro(count: int, first: str, last: str) -> str:
    where = f" uit de hoofdstukken {first} tot en met {last}" if first and last else ""
    if count == 0:
        return f"Er zijn nog geen acties vastgelegd{where}."
    noun = "de actie" if count == 1 else f"alle {count} acties"
    return (
        f"Dit actieplan bundelt {noun}{where}, op volgorde van de datum waarop ze klaar moeten zijn. "
        "Acties zonder datum staan onderaan."
    )


DOC_NO_ACTIONS_AT_ALL = "Leg bij de punten die nog te doen of deels geregeld zijn vast wie wat doet en wanneer."
DOC_READINESS_COLUMNS = ("Thema", "Punten", "Geregeld", "Deels", "Te doen", "Niet beantw.", "N.v.t.", "Gereed")
DOC_READINESS_TABLE = "Aantallen per thema"
DOC_READINESS_CHART = "Grafiek per thema"
DOC_TOTAL = "Totaal"
DOC_NOT_APPLICABLE_SHORT = "n.v.t."
DOC_READINESS_EXPLAINED = (
    "Een geregeld punt telt volledig mee voor het percentage gereed, een deels geregeld punt voor de helft. "
    "Punten die niet van toepassing zijn of door een eerder antwoord vervallen, tellen niet mee. "
    "De kolom Punten telt alle punten van het thema; N.v.t. telt de punten die niet van toepassing zijn of vervallen."
)


def doc_readiness_intro(percentage: int | None, applicable: int) -> str:
    if percentage is None:
        return "Nog geen enkel punt is van toepassing of beantwoord."
    return (
        f"Over alle {applicable} punten die van toepassing zijn, is het plan voor {percentage}% gereed. "
        "De tabel en de grafiek hieronder laten per thema zien hoe ver de gemeente is."
    )


DOC_CHART_HEADERS = ("Thema", "Verdeling van de punten (elk vak is 5%)", "Gereed")
DOC_CHART_CAPTION = "Grafiek: stand van zaken per thema"
DOC_CHART_DESCRIPTION = (
    "Staafgrafiek met per thema het aandeel geregelde, deels geregelde, nog te doen en nog niet beantwoorde "
    "punten; het percentage gereed staat als tekst in de laatste kolom."
)
DOC_LEGEND = "Legenda:"
DOC_LEGEND_LABELS = {
    "done": "geregeld",
    "partial": "deels geregeld",
    "todo": "nog te doen",
    "unanswered": "nog niet beantwoord",
}
DOC_READINESS_CAPTION = "Tabel: aantal punten per status en percentage gereed per thema"
DOC_ACTIONS_CAPTION = "Tabel: actieplan, gesorteerd op datum gereed"
DOC_OPEN_CAPTION = "Tabel: punten die nog aandacht vragen"
DOC_OPEN_COLUMNS = ("Punt", "Thema", "Status")


def doc_open_intro(todo: int, partial: int, unanswered: int) -> str:
    total = todo + partial + unanswered
    if total == 0:
        return "Alle punten die van toepassing zijn, zijn geregeld."
    return (
        f"{total} {'punt vraagt' if total == 1 else 'punten vragen'} nog aandacht: {todo} nog te doen, "
        f"{partial} deels geregeld en {unanswered} nog niet beantwoord. "
        "Klik op een punt om ernaartoe te gaan."
    )


def doc_checklist_intro(title: str, version: str, items: int, themes: int, knowledge: str = "") -> str:
    known = f" Kennisstand: {knowledge}; wat landelijk daarna is besloten, is niet verwerkt." if knowledge else ""
    return (
        f"Deze bijlage bevat de volledige {title.lower()} (versie {version}): {items} punten in {themes} thema's, "
        f"met per punt de toelichting, het niveau en de bronnen.{known}"
    )


DOC_SOURCES_LABEL = "Bronnen:"
DOC_RELATED_EXAMPLES = "Verwante voorbeelden:"
def doc_worked_out(number: str) -> str:
    return f"uitgewerkt in paragraaf {number}" if number else "uitgewerkt in het plan"

DOC_SOURCES_INTRO = "De openbare bronnen waarop de checklist steunt, met een koppeling naar de vindplaats."
DOC_REGION_SOURCE_KEY = "Regio"


def doc_region_source(name: str, region: str, central: str, confidence: str) -> str:
    taken = "; als voorstel overgenomen" if confidence == "low" else ""
    return (f"Dat {name} hoort bij {region_name(region)} met centrumgemeente {central}, komt uit de gemeentelijst "
            f"van planwizard (betrouwbaarheid {CONFIDENCE.get(confidence, confidence)}: "
            f"{CONFIDENCE_MEANING.get(confidence, '')}{taken}). Bron:")
DOC_RETIRED_INTRO = (
    "Deze antwoorden horen bij punten die in een nieuwere versie van de checklist zijn vervallen. Ze zijn bewaard "
    "zodat er niets verloren gaat; verwerk ze waar nodig in de hoofdstukken hierboven."
)


def doc_retired_heading(item_id: str, version: str) -> str:
    return f"{item_id} (checklistversie {version})"


# ------------------------------------------------------------------ generate and template commands
ERR_OUT_SUFFIX = "het Word-bestand moet eindigen op .docx"
ERR_OUT_IS_INPUT = "dit is het antwoordbestand zelf; kies een andere naam voor het Word-bestand"
ERR_TEMPLATE_NOT_DIR = "is geen map; een sjabloon is een map met reference.docx, styles.yaml en blocks/"
ERR_TEMPLATE_TARGET_NOT_EMPTY = "bestaat al en is niet leeg; kies een nieuwe of lege map"
ERR_REFERENCE_TOO_BIG = "reference.docx is te groot of bevat te veel onderdelen"
ERR_NO_MAIN_PART = "het hoofddocument ontbreekt"
ERR_STYLE_MAP_EMPTY = "stijlkaart is leeg; verwacht 'styles:' met per rol een stijlnaam"
ERR_BLOCK_MISSING = "tekstblok ontbreekt"
WARN_PICTURE_ALT_TEXT = "afbeelding zonder alternatieve tekst; geef haar in Word een beschrijving (toegankelijkheid)"


def msg_template_ok(folder: str) -> str:
    return f"{folder}: sjabloon in orde"


def msg_template_copied(folder: str) -> str:
    return (
        f"{folder}: sjabloon gekopieerd. Pas reference.docx aan in Word en controleer daarna met "
        f"'planwizard template check {folder}'"
    )


def err_reference_not_docx(detail: str) -> str:
    return f"reference.docx is geen bruikbaar Word-document ({detail})"


def err_reference_part_missing(part: str) -> str:
    names = {"styles": "de stijlen (styles.xml)", "settings": "de instellingen (settings.xml)"}
    return f"reference.docx mist {names.get(part, part)}"


def err_unknown_role(role: str, known: list[str]) -> str:
    return f"onbekende rol '{role}' (bekend: {', '.join(known)})"


def err_missing_role(role: str) -> str:
    return f"rol '{role}' ontbreekt; geef de naam van de stijl voor deze rol"


def err_style_missing(role: str, name: str, reference: str) -> str:
    return f"stijl '{name}' (rol '{role}') bestaat niet in {reference}"


KIND_NAMES = {"paragraph": "alineastijl", "table": "tabelstijl", "character": "tekenstijl", "numbering": "lijststijl"}


def err_style_kind(role: str, name: str, expected: str, got: str) -> str:
    return (
        f"stijl '{name}' (rol '{role}') is een {KIND_NAMES.get(got, got)}; "
        f"deze rol vraagt een {KIND_NAMES.get(expected, expected)}"
    )


def err_list_without_numbering(name: str) -> str:
    return f"stijl '{name}' heeft geen opsomming of nummering; koppel in Word een lijst aan deze stijl"


def warn_no_outline(name: str) -> str:
    return f"stijl '{name}' heeft geen overzichtsniveau; de inhoudsopgave neemt deze koppen dan niet op"


def err_block_syntax(detail: str) -> str:
    return f"tekstblok is geen geldige Jinja2-tekst: {detail}"


def err_block_sandbox(name: str) -> str:
    return f"'{name}' is niet toegestaan in een tekstblok: een blok mag niet buiten de afgeschermde omgeving komen"


def err_block_sandbox_run(detail: str) -> str:
    return f"niet toegestaan in een tekstblok (afgeschermde omgeving): {detail}"


def err_block_undefined(detail: str) -> str:
    return f"onbekende variabele of onbekend veld in tekstblok: {detail}"


def err_block_render(detail: str) -> str:
    return f"tekstblok geeft een fout bij het invullen: {detail}"


def err_block_too_long(length: int, limit: int) -> str:
    return f"tekstblok levert te veel tekst op ({length} tekens; maximaal {limit})"

# ------------------------------------------------------------------ regional overview (Word)
REGION_SUBJECT = "Regionaal overzicht beschermd wonen en beschermd thuis"
REGION_MATRIX_NUMBERS = "De kolommen zijn de thema's; hun nummers staan in de tabel eronder."
REGION_MATRIX_CAPTION = "Tabel: percentage geregelde punten per gemeente en thema"
REGION_THEMES_CAPTION = "Tabel: thema's met hun nummer en het totaal van de regio"
REGION_OPEN_CAPTION = "Tabel: open punten die de meeste gemeenten delen"
REGION_TIMELINE_CAPTION = "Tabel: acties van alle gemeenten, gesorteerd op datum"
REGION_EXAMPLES_CAPTION = "Tabel: gekozen inspirerende voorbeelden en de gemeenten die ze volgen"
COL_NUMBER = "Nr."
COL_DONE_OF = "Geregeld in de regio"
COL_EXAMPLE = "Voorbeeld"


def region_subtitle(names: list[str], made: str, region: str = "") -> str:
    return f"{region + ' · ' if region else ''}{', '.join(names)} · stand van {made}"


def done_of(done: int, relevant: int) -> str:
    return f"{done} van {relevant}"


def doc_example_described(number: str) -> str:
    return f"(beschreven bij {number})"


# ------------------------------------------------------------------ Word round trip: reading a draft
ERR_DOCX_NOT_ZIP = "is geen Word-document (.docx)"
ERR_DOCX_OLE = ("is met een wachtwoord beveiligd of een oud Word-bestand (.doc); "
                "sla het in Word op als .docx zonder wachtwoord")
ERR_DOCX_TRUNCATED = "is beschadigd of onvolledig (geen geldig zip-bestand); sla het opnieuw op in Word"
ERR_DOCX_ENCRYPTED = "is versleuteld; sla het op zonder wachtwoord"
ERR_DOCX_NO_DOCUMENT = "bevat geen hoofddocument (word/document.xml); is het wel een Word-document?"
ERR_NOT_PLANWIZARD = ("is niet met planwizard gemaakt (of de planwizard-gegevens zijn eruit verwijderd); "
                      "alleen een concept van 'planwizard generate' kan worden ingelezen")
ERR_TWO_SNAPSHOTS = ("bevat gegevens van meer dan één planwizard-concept (samengevoegde documenten?); "
                     "lees elk concept apart in")
ERR_TRACKED_HINT = ("accepteer of weiger eerst alle bijgehouden wijzigingen (Word: Controleren > Accepteren of "
                    "Weigeren; LibreOffice: Bewerken > Wijzigingen bijhouden > Beheren), sla op en lees opnieuw in")
DOC_FRONT_MATTER = "titelblad en inhoudsopgave"


def err_docx_entries(limit: int) -> str:
    return f"bevat meer dan {limit} onderdelen; dat is geen gewoon Word-document"


def err_docx_part_too_big(name: str, limit_mb: int) -> str:
    return f"onderdeel {name} is uitgepakt groter dan {limit_mb} MB; geweigerd (mogelijk een zip-bom)"


def err_docx_part_missing(name: str) -> str:
    return f"onderdeel {name} ontbreekt"


def err_docx_broken(name: str, detail: str) -> str:
    return f"onderdeel {name} is beschadigd ({detail}); sla het document opnieuw op"


def err_docx_unsupported(name: str, detail: str) -> str:
    return f"onderdeel {name} kan niet gelezen worden ({detail})"


def err_docx_xml(name: str, line: int, column: int, detail: str) -> str:
    where = f"regel {line}, kolom {column}: " if line else ""
    return f"onderdeel {name} is geen geldige XML ({where}{detail})"


def err_docx_dtd(name: str) -> str:
    return (f"onderdeel {name} bevat een DTD of entiteiten; dat komt in een Word-document niet voor "
            "en wordt niet gelezen")


def err_snapshot_unreadable(detail: str) -> str:
    return f"de planwizard-gegevens in dit concept zijn niet te lezen ({detail}); maak het concept opnieuw"


def err_tracked_changes(where: str) -> str:
    return f"nog niet verwerkte bijgehouden wijzigingen in {where}"


def item_place(number: str, item_id: str) -> str:
    return f"punt {number} ({item_id})" if number else f"punt {item_id}"


def doc_place(chapter: str, number: str, item_id: str) -> str:
    """Where something is in a draft: chapter and item, as a reader finds it."""
    parts = [f"hoofdstuk '{chapter}'"] if chapter else [DOC_FRONT_MATTER]
    if item_id:
        parts.append(item_place(number, item_id))
    return ", ".join(parts)


def err_import_date(text: str) -> str:
    return f"datum '{text}' bij een actie is niet te lezen; schrijf DD-MM-JJJJ, bijvoorbeeld 30-06-2025"


# ------------------------------------------------------------------ versions compared (diff, import, annex)
DIFF_NONE = "geen verschillen"
DIFF_PLAN = "Plan"
DIFF_PLAN_FIELDS = {"title": "titel", "period": "periode", "author": "opgesteld door", "organisation": "organisatie",
                    "date": "datum", "version": "versie"}
DIFF_STATUS = "status"
DIFF_TEXT = "tekst"
DIFF_ACTION_CHANGED = "actie gewijzigd"
DIFF_EXAMPLE_ADDED = "voorbeeld erbij"
DIFF_AS_OF = "peildatum"
DIFF_SOURCE = "bron"
DIFF_EXAMPLE_REMOVED = "voorbeeld eraf"
DIFF_LEGEND_MARKDOWN = "Verwijderde tekst is ~~doorgehaald~~, nieuwe tekst staat **vet**."
DIFF_LEGEND_TEXT = "Verwijderde tekst staat tussen [- -], nieuwe tekst tussen {+ +}."


def diff_action(kind: str, other: str = "") -> str:
    return {"added": "actie erbij", "removed": "actie eraf", "moved_in": f"actie verplaatst van {other}",
            "moved_out": f"actie verplaatst naar {other}"}.get(kind, "actie")


def diff_title(old: str, new: str) -> str:
    return f"Wijzigingen van {old} naar {new}"


# ------------------------------------------------------------------ Word round trip: importing
ERR_CONFLICT_HINT = ("niets geschreven; kies per conflict met --keep draft (het concept) of --keep file "
                     "(het antwoordbestand), of lees het concept in nadat u de verschillen hebt bekeken")
ERR_IMPORT_FILE_CHANGED = "het antwoordbestand is net gewijzigd door iemand anders; lees het concept opnieuw in"


def err_import_no_target(source: str) -> str:
    if source:
        return (f"het antwoordbestand waarvan dit concept is gemaakt ({source}) is niet gevonden; "
                "geef het aan met --into BESTAND.yaml")
    return "onbekend van welk antwoordbestand dit concept is gemaakt; geef het aan met --into BESTAND.yaml"


def err_import_other_plan(draft_gemeente: str, file_gemeente: str, target: str) -> str:
    return (f"dit concept is gemaakt van een ander plan (gemeente {draft_gemeente}) dan {target} "
            f"(gemeente {file_gemeente}); kies het juiste antwoordbestand met --into")


def err_import_checklist_version(version: str, current: str) -> str:
    return (f"dit concept is gemaakt met checklistversie {version}, die deze planwizard niet kent "
            f"(huidige versie {current}); werk planwizard bij")


def chapter_place(number: str, title: str) -> str:
    """A chapter as messages name it: ``hoofdstuk 2 'Context en kaders'`` (just the title without a number)."""
    return f"hoofdstuk {number} '{title}'" if number else f"'{title}'"


def warn_outside(number: str, title: str, kind: str, repeats: list[str] = ()) -> str:
    """``repeats``: the items (``item_place``) whose text the chapter repeats."""
    chapter = chapter_place(number, title)
    if kind == "new":
        return f"{chapter}: nieuw hoofdstuk buiten de gemarkeerde delen; niet ingelezen"
    if kind == "missing":
        return f"{chapter}: niet meer gevonden (verwijderd of hernoemd); niet ingelezen"
    message = f"{chapter}: tekst buiten de gemarkeerde delen is gewijzigd; die tekst is niet ingelezen"
    if repeats:
        places = " en ".join(repeats)
        message += (f". Dit hoofdstuk herhaalt de tekst van {places}: een wijziging daarin komt alleen mee "
                    "als u haar bij dat punt aanbrengt (of in de wizard)")
    return message


def warn_copied(where: str, number: str, title: str) -> str:
    return f"{where}: de tekst is aangepast in {chapter_place(number, title)}, dat hem herhaalt; van daar ingelezen"


def warn_item_missing(where: str) -> str:
    return f"{where} is niet gevonden in het concept (kop verwijderd?); niet ingelezen"


def warn_status_missing(where: str) -> str:
    return f"{where}: de regel met 'Status:' is niet gevonden; status niet ingelezen"


def warn_tables(where: str) -> str:
    return f"{where}: een tabel in de toelichting kan niet in het antwoordbestand; niet ingelezen"


def warn_pictures(where: str) -> str:
    return f"{where}: een afbeelding in de toelichting kan niet in het antwoordbestand; alleen de tekst is ingelezen"


def warn_item_retired(where: str, version: str) -> str:
    return (f"{where} bestaat in checklistversie {version} niet meer in deze vorm (samengevoegd, gesplitst of "
            "vervallen); neem de wijziging met de hand over")


def warn_kept_file(number: str, item_id: str) -> str:
    return f"{item_place(number, item_id)}: ook gewijzigd in het antwoordbestand; dat is aangehouden (--keep file)"


def err_import_status(where: str, text: str) -> str:
    choices = ", ".join(f"'{label}'" for label in (*STATUS.values(), UNANSWERED))
    return f"{where}: status '{text}' is niet te lezen; kies uit {choices}"


def err_import_too_long(where: str, length: int, limit: int) -> str:
    return f"{where}: tekst is te lang ({length} tekens; maximaal {limit})"


def err_conflict(number: str, item_id: str) -> str:
    return (f"{item_place(number, item_id)}: gewijzigd in het concept én in het antwoordbestand sinds het "
            "concept is gemaakt (conflict)")


def msg_imported(target: str, count: int, backup: str) -> str:
    noun = "punt" if count == 1 else "punten"
    return f"{target}: {count} {noun} bijgewerkt; het oude bestand staat in {backup}"


def msg_import_dry_run(target: str, count: int) -> str:
    would = "punt zou" if count == 1 else "punten zouden"
    return f"{target}: {count} {would} worden bijgewerkt (--dry-run: niets geschreven)"


def msg_import_nothing(target: str) -> str:
    return f"{target}: het concept bevat geen wijzigingen ten opzichte van dit bestand; er is niets geschreven"
IMPORT_CONFLICT_DRAFT = "conflict: het concept is overgenomen (--keep draft)"
DIFF_EARLIER = "de vorige versie"


def err_diff_checklists(old: str, new: str) -> str:
    return f"de plannen horen bij verschillende checklists ({old} en {new}); die zijn niet te vergelijken"


# ------------------------------------------------------------------ annex of changes (generate --compare)
DOC_APPENDIX_CHANGES = ("Bijlage C", "Bijlage D")
"""The annex's letter without and with the appendix of retired answers before it."""
DOC_CHANGES_LEGEND = ("Weggehaalde tekst is doorgestreept, nieuwe tekst is onderstreept. Bij een lange tekst "
                      "staan alleen de gewijzigde zinsdelen, met … voor wat gelijk bleef.")
DOC_CHANGES_PLAN = "Gegevens van het plan"
DOC_CHANGES_PLAN_COLUMNS = ("Gegeven", "Wijziging")
DOC_CHANGES_COLUMNS = ("Punt", "Wat veranderde")


def warn_same_version(version: str, plan: str) -> str:
    return (f"zelfde versie ({version}) als {plan}: de bijlage heet dan 'Wijzigingen ten opzichte van versie "
            f"{version}' in een concept dat zelf {version} heet. Geef het plan een nieuwe versie (version onder "
            "plan: in het antwoordbestand, of in de wizard: Gegevens van het plan)")


def doc_changes_title(version: str) -> str:
    return f"Wijzigingen ten opzichte van versie {version}"


def doc_changes_intro(version: str, count: int) -> str:
    if count == 0:
        return f"Bij de punten van de checklist is niets veranderd ten opzichte van versie {version}."
    noun = "punt is" if count == 1 else "punten zijn"
    return (f"Deze bijlage laat zien wat er veranderde ten opzichte van versie {version}: {count} {noun} gewijzigd. "
            "Per thema staat bij elk punt wat er anders is: de status, de tekst, de acties en de gekozen voorbeelden.")


def doc_changes_caption(theme: str) -> str:
    return f"Tabel: wijzigingen bij het thema {theme}"


# ------------------------------------------------------------------ planwizard serve (the wizard in a browser)
def serve_banner(url: str, target: str, single_plan: bool) -> str:
    what = "Plan" if single_plan else "Map"
    return (
        "planwizard serve: de wizard in de browser\n"
        f"{what}: {target}\n"
        "Open deze link in uw browser (de link bevat een geheime sleutel; deel hem alleen met wie mag meewerken):\n"
        f"\n    {url}\n\n"
        "Elk tabblad is een eigen wizard. Stoppen: Ctrl+C (alle plannen worden eerst opgeslagen)."
    )


def serve_warning_public(address: str, port: int) -> str:
    return (
        f"Let op: planwizard luistert op {address} en is dus via het netwerk bereikbaar. De verbinding is "
        "niet versleuteld: de sleutel in de link en alles wat u typt gaan leesbaar over het netwerk. "
        f"Gebruik liever een SSH-tunnel (ssh -L {port}:127.0.0.1:{port} deze-computer, en serve zonder --host) "
        "of zet er een reverse proxy met TLS (https) voor."
    )


SERVE_STOPPING = "planwizard serve stopt: de open plannen worden opgeslagen…"
SERVE_STOPPED = "planwizard serve is gestopt; alle plannen zijn opgeslagen en vrijgegeven."
ERR_SERVE_TARGET = "geen map en geen antwoordbestand (.yaml); geef een map met plannen of één plan"
ERR_SERVE_NO_FOLDER = "de map van dit plan bestaat niet"


def err_serve_bind(address: str, reason: str) -> str:
    return f"kan niet luisteren op {address}: {reason}; kies een andere poort met --port"


WEB_FORBIDDEN_TITLE = "Geen toegang – planwizard"
WEB_FORBIDDEN = (
    "Deze pagina is alleen te openen met de volledige link die 'planwizard serve' bij het starten toonde; "
    "die bevat de geheime sleutel. Vraag wie de wizard startte om de link."
)
WEB_NO_DOWNLOAD = "Deze download bestaat niet (meer). Maak het concept opnieuw in de wizard.\n"
WEB_STARTING = "De wizard wordt gestart…"
WEB_CLOSED = "De wizard is gesloten. Wat u typte, is opgeslagen."
WEB_RESTART = "Opnieuw openen"
WEB_TITLE = "planwizard – uitvoeringsplan beschermd wonen / beschermd thuis"


def web_title(name: str) -> str:
    return f"{name} – planwizard"


WEB_UPLOAD_TITLE = "Bewerkt concept uploaden – planwizard"
WEB_UPLOAD_BUTTON = "Uploaden"
WEB_UPLOAD_DONE_TITLE = "Concept ontvangen – planwizard"
WEB_UPLOAD_REFUSED = "Niet geüpload – planwizard"
WEB_UPLOAD_NO_PLAN = "Dit plan is hier niet te vinden. Open deze pagina vanuit de wizard (Word en versies)."
WEB_UPLOAD_NO_FILE = "Er is geen bestand meegestuurd. Kies het bewerkte Word-concept (.docx) en upload opnieuw."
WEB_UPLOAD_NOT_DOCX = "Dit is geen Word-bestand (.docx). Kies het concept dat u in Word hebt bewerkt."


def web_upload_intro(plan: str) -> str:
    return (f"Kies het Word-concept van {plan} dat u op uw computer hebt bewerkt. Het komt naast het plan te "
            "staan; daarna leest u het in de wizard in (Word en versies), waar u eerst ziet wat er verandert.")


def web_upload_done(name: str) -> str:
    return (f"Het concept staat nu als {name} naast het plan. Ga terug naar het tabblad van de wizard: bij "
            "Word en versies staat het klaar om in te lezen. Dit tabblad mag dicht.")


def web_upload_full(count: int) -> str:
    return (f"Naast dit plan staan al {count} geüploade concepten. Ruim de oude op (of lees ze in en verwijder "
            "ze daarna) en upload dan opnieuw.")


def web_upload_too_big(limit_mb: int) -> str:
    return f"Dit bestand is te groot (meer dan {limit_mb} MB). Een concept met afbeeldingen is een paar MB."
