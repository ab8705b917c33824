"""Every Dutch text of the wizard's screens (statuses and kinds come from labels.py).

Plain strings and small functions only: importing this loads no Textual.
"""

from __future__ import annotations

import datetime as dt

from planwizard import labels

APP_TITLE = "planwizard"
APP_SUBTITLE = "uitvoeringsplan beschermd wonen / beschermd thuis"

STATE = {
    "unanswered": labels.UNANSWERED,
    "skipped": "Overgeslagen",
    **labels.STATUS,
}
"""Label per item state (status, not answered, skipped)."""
STATE_SHORT = {
    "unanswered": "Onbeantwoord",
    "todo": "Nog te doen",
    "partial": "Deels geregeld",
    "done": "Geregeld",
    "not_applicable": "N.v.t.",
    "skipped": "Overgeslagen",
}
"""Short state labels for narrow columns (the review)."""
MARK = {
    "unanswered": "·",
    "todo": "○",
    "partial": "◐",
    "done": "●",
    "not_applicable": "–",
    "skipped": "⊘",
}
"""One-character mark per item state, in the sidebar and the review."""
STATUS_KEYS = {"done": "1", "partial": "2", "todo": "3", "not_applicable": "4"}

# ------------------------------------------------------------------ bindings (footer and help)
KEY_QUIT = "Stoppen"
KEY_QUIT_TIP = "Sla op en stop de wizard"
KEY_HELP = "Help"
KEY_HELP_TIP = "Uitleg over de werkwijze en alle toetsen"
KEY_PALETTE = "Menu"
KEY_PALETTE_TIP = "Zoek een opdracht: status, actie, voorbeeld, ga naar thema of punt, overzicht, concept maken"
KEY_BACK = "Terug"
KEY_NEXT = "Volgende"
KEY_NEXT_TIP = "Naar het volgende punt van de checklist"
KEY_PREVIOUS = "Vorige"
KEY_PREVIOUS_TIP = "Naar het vorige punt van de checklist"
KEY_NEXT_OPEN = "Open punt"
KEY_NEXT_OPEN_TIP = "Naar het volgende punt dat nog niet beantwoord is"
KEY_GOTO = "Ga naar"
KEY_GOTO_TIP = "Zoek een punt of thema en ga erheen"
KEY_EXAMPLES = "Voorbeelden"
KEY_EXAMPLES_TIP = "Inspirerende voorbeelden bekijken en aan dit punt koppelen"
KEY_REVIEW = "Overzicht"
KEY_REVIEW_TIP = "Alle punten met hun status, open punten eerst; daar maakt u ook het Word-concept"
KEY_SAVE = "Opslaan"
KEY_SAVE_TIP = "Nu opslaan (de wizard slaat ook vanzelf op na elke wijziging)"
KEY_SIDEBAR = "Thema's"
KEY_SIDEBAR_TIP = "Naar de lijst met thema's en punten links"
KEY_NEW = "Nieuw plan"
KEY_OPEN = "Bestand openen"
KEY_ADD_ACTION = "Actie toevoegen (in de tabel)"
KEY_EDIT_ACTION = "Actie wijzigen (in de tabel)"
KEY_REMOVE_ACTION = "Actie verwijderen (in de tabel)"
KEY_ATTACH = "Koppelen"
KEY_ATTACH_TIP = "Koppel het voorbeeld aan het huidige punt, of ontkoppel het"
KEY_OWN_EXAMPLE = "Eigen voorbeeld"
KEY_OWN_EXAMPLE_TIP = "Een voorbeeld uit uw eigen gemeente of regio toevoegen"
KEY_FILTER = "Zoeken"
KEY_GENERATE = "Concept maken"
KEY_GENERATE_TIP = "Maak het Word-concept van het plan"
KEY_JUMP = "Naar punt"
KEY_STATUS_CLEAR = "Status wissen (in de statuskeuze)"
KEY_OPEN_ITEM = "Punt beantwoorden"

ERR_NEEDS_TERMINAL = "de wizard heeft een terminal nodig (start hem niet in een pijp of zonder scherm)"
MSG_QUIT_HINT = "Druk op Ctrl+Q om te stoppen."
PALETTE_PLACEHOLDER = "Zoek een opdracht…"
PALETTE_THEME_PLACEHOLDER = "Kies een thema…"
PALETTE_ITEM_PLACEHOLDER = "Zoek een punt op de vraag…"
PALETTE_COLOURS_PLACEHOLDER = "Kies een kleurenschema…"
PALETTE_NO_MATCHES = "Niets gevonden"
PALETTE_ACTION_PLACEHOLDER = "Kies een actie…"
PALETTE_EXAMPLE_PLACEHOLDER = "Zoek een voorbeeld op de titel…"

# ------------------------------------------------------------------ command palette
CMD_GOTO_THEME = "Ga naar thema…"
CMD_GOTO_THEME_HELP = "Kies een thema en begin bij het eerste open punt ervan"
CMD_THEME = "Ga naar thema: {title}"
CMD_GOTO_ITEM = "Ga naar punt…"
CMD_GOTO_ITEM_HELP = "Zoek een punt op (een deel van) de vraag"
CMD_NEXT_OPEN = "Volgend open punt"
CMD_NEXT_OPEN_HELP = "Naar het volgende punt dat nog niet beantwoord is"
CMD_NEXT = "Volgend punt"
CMD_NEXT_HELP = "Naar het volgende punt van de checklist"
CMD_PREVIOUS = "Vorig punt"
CMD_PREVIOUS_HELP = "Naar het vorige punt van de checklist"
CMD_STATUS = "Status: {label}"
CMD_STATUS_HELP = "Geef het huidige punt de status {label}"
CMD_STATUS_CLEAR = "Status wissen"
CMD_STATUS_CLEAR_HELP = "Het huidige punt weer zonder antwoord laten (tekst en acties blijven)"
CMD_NOTES = "Tekst bewerken"
CMD_NOTES_HELP = "Naar het tekstveld van het huidige punt: de tekst die in het plan komt"
CMD_GUIDANCE = "Toelichting tonen of verbergen"
CMD_GUIDANCE_HELP = "Klap de toelichting bij het huidige punt open of dicht"
CMD_ACTION_ADD = "Actie toevoegen"
CMD_ACTION_ADD_HELP = "Leg bij het huidige punt een actie vast: wat, wie en wanneer"
CMD_ACTION_EDIT = "Actie bewerken…"
CMD_ACTION_EDIT_HELP = "Kies een actie van het huidige punt om te wijzigen"
CMD_ACTION_REMOVE = "Actie verwijderen…"
CMD_ACTION_REMOVE_HELP = "Kies een actie van het huidige punt om te verwijderen"
CMD_EXAMPLE_ATTACH = "Voorbeeld koppelen…"
CMD_EXAMPLE_ATTACH_HELP = "Kies een inspirerend voorbeeld voor het huidige punt"
CMD_EXAMPLE_DETACH = "Voorbeeld ontkoppelen…"
CMD_EXAMPLE_DETACH_HELP = "Haal een gekoppeld voorbeeld weg bij het huidige punt"
CMD_OWN_EXAMPLE = "Eigen voorbeeld toevoegen"
CMD_OWN_EXAMPLE_HELP = "Beschrijf een voorbeeld uit de eigen praktijk en koppel het aan het huidige punt"
CMD_RELATED = "past bij dit punt"
CMD_REVIEW = "Overzicht"
CMD_REVIEW_HELP = "Alle punten met hun status, open punten eerst"
CMD_EXAMPLES = "Voorbeelden"
CMD_EXAMPLES_HELP = "Inspirerende voorbeelden bekijken, lezen en koppelen"
CMD_GENERATE = "Concept maken"
CMD_GENERATE_HELP = "Maak het Word-concept van het lokaal uitvoeringsplan"
CMD_SAVE = "Opslaan"
CMD_SAVE_HELP = "Sla het plan nu op"
CMD_HELP = "Help"
CMD_HELP_HELP = "Uitleg over de werkwijze en de toetsen"
CMD_COLOURS = "Kleurenschema kiezen"
CMD_COLOURS_HELP = "Kies de kleuren van de wizard (wordt onthouden)"
CMD_CLOSE = "Plan sluiten"
CMD_CLOSE_HELP = "Sla op en ga terug naar het startscherm"
CMD_PLAN_INFO = "Gegevens van het plan"
CMD_PLAN_INFO_HELP = "Titel, periode, auteur, organisatie, regio en centrumgemeente wijzigen"
CMD_QUIT = "Stoppen"
CMD_QUIT_HELP = "Sla op en stop de wizard"

# ------------------------------------------------------------------ start screen
START_WELCOME = "Welkom bij planwizard"
START_INTRO = (
    "Stel stap voor stap het lokaal uitvoeringsplan beschermd wonen / beschermd thuis op: "
    "beantwoord de checklist per thema, kies inspirerende voorbeelden en maak er een Word-concept van. "
    "Alles wordt vanzelf opgeslagen."
)
START_RECENT = "Recent geopend"
START_NO_RECENT = "Nog geen plannen geopend. Kies 'Nieuw plan' of 'Bestand openen'."
START_NEW = "Nieuw plan"
START_OPEN = "Bestand openen"


def recent_line(name: str, file_name: str, folder: str, opened: dt.datetime | None) -> str:
    """A recent plan: gemeente, file, when, and last (cut first when short of room) the folder."""
    when = opened.strftime("%d-%m-%Y %H:%M") if opened else ""
    return "  ·  ".join(part for part in (name or "?", file_name, when, folder) if part)


OPEN_TITLE = "Bestand openen"
OPEN_PROMPT = "Pad van het antwoordbestand (.yaml). Een nieuwe naam begint een nieuw plan."
OPEN_PLACEHOLDER = "bijvoorbeeld plannen/heerlen.yaml"
OPEN_BUTTON = "Openen"
CANCEL = "Annuleren"
ERR_OPEN_EMPTY = "Vul een pad in."
ERR_OPEN_DIR = "Dit is een map; kies een .yaml-bestand in die map."
ERR_OPEN_NO_FOLDER = "De map van dit bestand bestaat niet."
ERR_OPEN_SUFFIX = "Een antwoordbestand eindigt op .yaml of .yml."

# ------------------------------------------------------------------ new plan
NEW_TITLE = "Nieuw plan"
NEW_GEMEENTE = "Gemeente"
NEW_GEMEENTE_PLACEHOLDER = "typ de naam, bijvoorbeeld Heerlen"
NEW_LOADING = "Gemeentelijst laden…"
NEW_NO_MATCH = "Geen gemeente gevonden; controleer de spelling."
NEW_REGION = "Regio BW"
NEW_CENTRAL = "Centrumgem."
NEW_UNKNOWN = "onbekend; vul in"
NEW_PLAN_TITLE = "Titel"
NEW_PERIOD = "Periode"
NEW_AUTHOR = "Auteur"
NEW_AUTHOR_PLACEHOLDER = "uw naam"
NEW_ORGANISATION = "Organisatie"
NEW_FILE = "Bestand"
NEW_CREATE = "Plan maken"
NEW_HINT = "↑↓ en Enter: gemeente kiezen · Tab: volgend veld · Esc: terug"
ERR_NEW_GEMEENTE = "Kies een gemeente uit de lijst."
ERR_NEW_FILE = "Vul een bestandsnaam in."
ERR_NEW_EXISTS = "Dit bestand bestaat al; open het of kies een andere naam."
ERR_NEW_TITLE = "Vul een titel in."


NEW_TAKE_SUGGESTION = "Voorstel overnemen"
NEW_SUGGESTION_TAKEN = "(voorstel overgenomen)"


def new_region_known(region: str, central: str, secondary: bool = False) -> str:
    named = labels.region_name(region)
    return f"{named[0].upper()}{named[1:]}, centrumgemeente {central}{' (uit een secundaire bron)' if secondary else ''}."


def new_region_suggested(region: str, central: str) -> str:
    return (f"Niet zeker: de gemeentelijst stelt {labels.region_name(region)} voor, centrumgemeente {central} "
            f"(afgeleid, niet bevestigd). Neem het voorstel over of vul zelf in (of later).")


def new_region_unknown(name: str) -> str:
    return f"De gemeentelijst kent de regio van {name} niet; vul regio en centrumgemeente in (of later)."


def gemeente_match(name: str, region: str, province: str, suggested: bool) -> str:
    """A gemeente in the type-ahead list, with its region (a question mark when not sure)."""
    return f"{name}  ({region}{'?' if suggested else ''})" if region else f"{name}  ({province})"


def proposed_file_name(gemeente_slug: str) -> str:
    return f"uitvoeringsplan-{gemeente_slug}.yaml"


# ------------------------------------------------------------------ main screen
SIDEBAR_TITLE = "Thema's"
ITEM_POSITION = "punt {n} van {total}"
GUIDANCE = "Toelichting bij dit punt"
STATUS_TITLE = "Status"
STATUS_HINT = "1-4, of ↑↓ en Enter · Del: wissen"
REFERENCE_TITLE = "Peildatum en bron"
REFERENCE_HINT = "op welke dag klopt dit antwoord, en waar staat het?"
AS_OF_PLACEHOLDER = "peildatum: dd-mm-jjjj"
SOURCE_PLACEHOLDER = "bron, bijvoorbeeld: Kamerbrief van 12 maart over beschermd wonen"
NOTES_TITLE = "Uw tekst voor het plan"
NOTES_HINT = "lege regel: nieuwe alinea · '- ': opsomming"
ACTIONS_TITLE = "Acties"
ACTIONS_HINT = "a nieuw · Enter wijzigen · Del wissen"
ACTIONS_EMPTY = "Nog geen acties; druk in de tabel op a."
ACTION_COLUMNS = ("Wat", "Wie", "Uiterlijk")
EXAMPLES_TITLE = "Voorbeelden"
EXAMPLES_HINT = "Spatie: koppelen · F2: meer"
EXAMPLES_NONE = "Geen voorbeelden bij dit punt; F2 toont ze alle."
ERR_NOTES_CUT = "Deze tekst is langer dan 50.000 tekens; alleen het begin wordt opgeslagen."
READ_ONLY = "alleen lezen"
READ_ONLY_NOTICE = "Alleen lezen: dit plan is elders geopend. Wijzigingen zijn uitgeschakeld."
NO_MORE_OPEN = "Alle punten die van toepassing zijn, zijn beantwoord. Bekijk het overzicht (F3)."
AT_END = "Dit is het laatste punt. Bekijk het overzicht (F3) of maak het concept."
AT_START = "Dit is het eerste punt."


def item_heading(theme_no: int, theme_title: str, n: int, total: int) -> str:
    return f"Punt {n}/{total} · thema {theme_no}: {theme_title}"


def item_meta(kind: str, level: str | None) -> str:
    parts = [labels.KIND.get(kind, kind)]
    if level:
        parts.append(f"niveau {labels.LEVEL.get(level, level).lower()}")
    return " · ".join(parts)


def skipped_notice(question: str, statuses: list[str], negate: bool) -> str:
    names = " of ".join(f"'{labels.STATUS.get(s, s)}'" for s in statuses)
    rule = f"niet {names} is" if negate else f"{names} is"
    return (
        f"Overgeslagen: dit punt geldt alleen als het antwoord op \"{question}\" {rule}. "
        "U kunt het toch invullen; het antwoord blijft bewaard."
    )


def saved_at(when: dt.datetime) -> str:
    return f"Opgeslagen {when:%H:%M:%S}"


SAVING = "Opslaan…"


def not_saved(reason: str) -> str:
    return f"NIET opgeslagen: {reason}"


def subtitle(status: str, file_name: str) -> str:
    return " · ".join(part for part in (status, file_name) if part)


def theme_label(answered: int, applicable: int, title: str) -> str:
    return f"{answered}/{applicable} {title}"


# ------------------------------------------------------------------ action dialog
ACTION_NEW = "Nieuwe actie"
ACTION_EDIT = "Actie wijzigen"
ACTION_WHAT = "Wat gaat er gebeuren?"
ACTION_OWNER = "Wie is eigenaar?"
ACTION_OWNER_PLACEHOLDER = "bijvoorbeeld team Wmo"
ACTION_DUE = "Uiterlijk (datum)"
ACTION_DUE_PLACEHOLDER = "dd-mm-jjjj of jjjj-mm-dd, mag leeg"
SAVE = "Opslaan"
ERR_ACTION_WHAT = "Beschrijf wat er moet gebeuren."
ERR_DATE = "Ongeldige datum: schrijf bijvoorbeeld 30-06-2026 of 2026-06-30."
ERR_DATE_RANGE = "Kies een datum tussen 2000 en 2100."
CONFIRM_REMOVE_ACTION = "Deze actie verwijderen?"
CONFIRM_YES_REMOVE = "Verwijderen"


def date_ok(day: dt.date) -> str:
    weekdays = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def short_date(day: dt.date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


# ------------------------------------------------------------------ examples screen
EXAMPLES_SCREEN_TITLE = "Inspirerende voorbeelden"
EXAMPLES_ALL_THEMES = "Alle thema's"
EXAMPLES_FILTER_PLACEHOLDER = "zoek in titel, plaats en tekst"
EXAMPLES_EMPTY = "Geen voorbeelden gevonden met dit filter."
EXAMPLE_ATTACHED = "✓"
EXAMPLE_OWN = "eigen voorbeeld"
EXAMPLE_NO_YEAR = "jaar onbekend"
EXAMPLE_SOURCE = "Bron"
EXAMPLE_THEMES = "Thema's"


def examples_for_item(question: str) -> str:
    return f"Koppelen aan: {question}"


def example_attached(title: str) -> str:
    return f"Gekoppeld: {title}"


def example_detached(title: str) -> str:
    return f"Ontkoppeld: {title}"


OWN_TITLE = "Eigen voorbeeld toevoegen"
OWN_NAME = "Titel"
OWN_WHERE = "Waar"
OWN_WHERE_PLACEHOLDER = "gemeente of regio"
OWN_YEAR = "Jaar"
OWN_SUMMARY = "Korte beschrijving"
OWN_SOURCE = "Bron"
OWN_SOURCE_PLACEHOLDER = "waar het beschreven staat (mag leeg)"
OWN_ATTACH = "Ook koppelen aan het huidige punt"
ERR_OWN_TITLE = "Geef het voorbeeld een titel."
ERR_OWN_SUMMARY = "Beschrijf het voorbeeld in een paar zinnen."


def own_added(title: str) -> str:
    return f"Eigen voorbeeld toegevoegd: {title}"


# ------------------------------------------------------------------ review screen
REVIEW_TITLE = "Overzicht"
REVIEW_TAB_ITEMS = "Punten"
REVIEW_TAB_THEMES = "Per thema"
REVIEW_TAB_GENERATE = "Concept maken"
REVIEW_COLUMNS = ("", "Status", "Thema", "Vraag")
REVIEW_THEME_COLUMNS = ("Thema", "Gereg.", "Deels", "Te doen", "Leeg", "N.v.t.", "Overg.")
REVIEW_HINT = "Enter: naar dit punt · Shift+Tab en ←→: tabbladen · g: concept maken"
TEMPLATE = "Sjabloon"
TEMPLATE_OTHER = "Ander sjabloon (map)…"
TEMPLATE_PATH_PLACEHOLDER = "map met het sjabloon, bijvoorbeeld sjablonen/heerlen"
OUTPUT = "Bestand"
GENERATE_BUTTON = "Concept maken"
OPEN_FOLDER = "Map openen"
GENERATE_INTRO = (
    "Het concept bevat alle thema's en punten; open punten worden duidelijk gemarkeerd "
    "zodat u ze in Word kunt aanvullen."
)
GEN_SAVING = "Plan opslaan…"
GEN_LOADING = "Word-onderdelen laden…"
GEN_BUILDING = "Concept opbouwen…"
GEN_UNAVAILABLE = "Het maken van het Word-concept is in deze installatie niet beschikbaar."
ERR_TEMPLATE_PATH = "Deze map bestaat niet."
ERR_OUTPUT = "Vul een bestandsnaam voor het concept in (.docx)."


def review_summary(answered: int, applicable: int, todo: int, partial: int, skipped: int) -> str:
    text = f"{answered} van {applicable} punten beantwoord · {todo} nog te doen · {partial} deels geregeld"
    if skipped:
        text += f" · {skipped} overgeslagen"
    return text


def generated(path: str) -> str:
    return f"Concept gemaakt: {path}"


def folder_not_opened(folder: str) -> str:
    return f"De map kan hier niet geopend worden (geen bestandsbeheer). De map is: {folder}"


# ------------------------------------------------------------------ problems, lock, errors
PROBLEMS_TITLE = "Dit bestand kan niet geopend worden"
PROBLEMS_INTRO = "Herstel de volgende punten in het bestand (regel:kolom) en open het opnieuw:"
PROBLEMS_BACK = "Terug naar start"
GENERATE_FAILED = "Het concept kon niet gemaakt worden"
GENERATE_FAILED_INTRO = "Het plan zelf is opgeslagen en in orde. Dit ging mis bij het maken van het concept:"
SAVE_FAILED = "Opslaan is mislukt"
LOCKED_TITLE = "Dit plan is al geopend"
LOCKED_READ_ONLY = "Alleen lezen openen"
LOCKED_BACK = "Terug"
LOCK_FAILED_TITLE = "Dit plan kan niet vergrendeld worden"


def lock_failed(reason: str) -> str:
    return (
        f"kan niet vergrendeld worden ({reason}), dus niet veilig bewerkt: een tweede wizard zou het "
        "niet merken. U kunt het alleen lezen openen."
    )
WARNINGS_TITLE = "Let op"


def problem_line(line: int, col: int, message: str) -> str:
    if line and col:
        return f"regel {line}, kolom {col}: {message}"
    if line:
        return f"regel {line}: {message}"
    return message


# ------------------------------------------------------------------ help
HELP_TITLE = "Help"
HELP_WORKFLOW = """\
# Zo werkt planwizard

1. **Start**: kies *Nieuw plan* en de gemeente, of open een plan dat u eerder maakte.
2. **Checklist**: links staan de thema's met hun voortgang (bijvoorbeeld 3/6) en de punten
   met hun status. Bij elk punt leest u de vraag en de toelichting, kiest u een status,
   schrijft u uw tekst voor het plan, legt u acties vast (wat, wie, wanneer) en koppelt u
   inspirerende voorbeelden.
3. **Voorbeelden** (F2): blader door de bibliotheek, lees een voorbeeld en koppel het aan het
   huidige punt, of voeg een voorbeeld uit uw eigen gemeente toe.
4. **Overzicht** (F3): alle punten met hun status, open punten eerst, en de stand per thema.
   Vandaar maakt u het **Word-concept** om in Word af te maken.
5. **Word en versies** (tabblad in het overzicht, of Ctrl+P): lees terug wat collega's in het
   Word-concept aan tekst, status en acties veranderden (u ziet eerst wat er verandert), of
   vergelijk het plan met een eerdere versie.

Alles wordt vanzelf opgeslagen, na elke wijziging. Als u later terugkomt, gaat de wizard
verder bij het punt waar u was. Een plan kan maar in één wizard tegelijk open zijn.

## Statussen

| Teken | Betekenis |
|---|---|
| ● | Geregeld |
| ◐ | Deels geregeld |
| ○ | Nog te doen |
| – | Niet van toepassing |
| · | Nog niet beantwoord |
| ⊘ | Overgeslagen: geldt niet door een eerder antwoord |

## Tekst voor het plan

Een lege regel begint een nieuwe alinea; een regel die begint met `- ` wordt een opsomming
in het Word-concept.

## Peildatum en bron

Bij sommige punten, zoals de landelijke stand, vraagt de wizard ook om een peildatum (de dag
waarop uw antwoord klopt) en een bron. Hoofdstuk 2 van het concept toont dat antwoord met datum en
bron. De vaste teksten van het concept kennen de landelijke ontwikkelingen alleen tot de
kennisstand van de checklist; wat daarna gebeurde, staat er alleen in als u het zelf invult.
"""
HELP_KEYS = "## Toetsen"
HELP_KEYS_GENERAL = "Overal"
HELP_KEYS_MAIN = "Bij een punt"
HELP_KEYS_EXAMPLES = "Voorbeelden"
HELP_KEYS_REVIEW = "Overzicht"
HELP_KEYS_TABLE_HEAD = "| Toets | Wat |\n|---|---|"
HELP_STATUS_ROW = (
    "| 1 / 2 / 3 / 4 | Status kiezen: Geregeld, Deels geregeld, Nog te doen, Niet van toepassing "
    "(in de statuskeuze, of in de lijst links) |"
)
HELP_KEYS_MOVE = (
    "Tab en Shift+Tab gaan naar het volgende of vorige veld; Esc gaat terug. In een veld voor een "
    "bestand vult Tab eerst de naam aan die grijs wordt voorgesteld (→ doet dat ook)."
)

QUIT_ANYWAY = "Toch stoppen"


def quit_unsaved(reason: str) -> str:
    because = f" ({reason})" if reason else ""
    return f"De laatste wijzigingen konden niet worden opgeslagen{because}. Toch stoppen? Die wijzigingen gaan dan verloren."

ERR_CHANGED_ON_DISK = "het bestand is buiten de wizard gewijzigd; er is niets overschreven"
CONFLICT_TITLE = "Het bestand is buiten de wizard gewijzigd"
CONFLICT_TEXT = (
    "Iemand (of een ander programma) heeft dit antwoordbestand veranderd terwijl het hier open was. "
    "Kies wat er moet gebeuren. Opnieuw openen laat de wijzigingen uit de wizard sinds de laatste "
    "keer opslaan vallen; overschrijven vervangt de wijzigingen van buiten."
)
CONFLICT_RELOAD = "Opnieuw openen"
CONFLICT_OVERWRITE = "Overschrijven"


# ------------------------------------------------------------------ Word round trip and versions (overview tab)
REVIEW_TAB_VERSIONS = "Word en versies"
CMD_IMPORT = "Word-concept inlezen"
CMD_IMPORT_HELP = "Importeer de wijzigingen uit het Word-concept in het plan (eerst ziet u wat er verandert)"
CMD_COMPARE = "Vergelijken met eerdere versie"
CMD_COMPARE_HELP = "Laat per punt zien wat er veranderde ten opzichte van een eerder antwoordbestand"
VERSIONS_INTRO = ("Lees terug wat er in het Word-concept is aangepast, of vergelijk het plan met een eerdere "
                  "versie. U ziet eerst wat er verandert; pas na Overnemen wordt het plan bijgewerkt.")
VERSIONS_DRAFT = "Word-concept"
VERSIONS_EARLIER = "Eerder plan"
VERSIONS_DRAFT_PLACEHOLDER = "het .docx-bestand dat planwizard maakte"
VERSIONS_EARLIER_PLACEHOLDER = "een eerder antwoordbestand (.yaml)"
IMPORT_BUTTON = "Inlezen"
UPLOAD_BUTTON = "Uploaden"
UPLOAD_WAITING = ("Kies in het nieuwe tabblad van de browser het Word-concept dat u hebt bewerkt en upload het. "
                  "Zodra het er is, staat het hierboven klaar om in te lezen.")


def upload_received(name: str) -> str:
    return f"Concept ontvangen: {name}. Druk op Inlezen (of Enter) om te zien wat er verandert."


COMPARE_BUTTON = "Vergelijken"
IMPORT_APPLY = "Overnemen"
IMPORT_KEEP_DRAFT = "Bij conflict: concept"
IMPORT_KEEP_FILE = "Bij conflict: plan"
IMPORT_READING = "Concept lezen…"
COMPARE_READING = "Eerdere versie lezen…"
IMPORT_NOTHING = "Het concept bevat geen wijzigingen ten opzichte van het plan."
IMPORT_CHANGES = "Dit neemt Overnemen over uit het concept:"
IMPORT_PROBLEMS = "Niet in te lezen; er is niets veranderd:"
IMPORT_CONFLICTS_HINT = ("Kies hieronder wat bij een conflict telt: het concept of het plan zoals het nu is. "
                         "U ziet dan eerst opnieuw wat er verandert.")
IMPORT_WARNINGS = "Let op:"
IMPORT_READ_ONLY = "Dit plan is alleen-lezen geopend; wijzigingen kunnen niet worden overgenomen."
IMPORT_STALE = "Het plan is intussen gewijzigd; lees het concept opnieuw in."
ERR_VERSIONS_PATH = "Vul het pad van een bestand in."


def imported(count: int, backup: str) -> str:
    noun = "punt" if count == 1 else "punten"
    return f"{count} {noun} overgenomen uit het concept en opgeslagen; het vorige bestand staat in {backup}"
VERSIONS_NOW = "het plan nu"


# ------------------------------------------------------------------ in the browser (planwizard serve)
def err_outside_folder(folder: str) -> str:
    return f"Dit bestand ligt buiten de map '{folder}'; via de browser zijn alleen bestanden in die map te bereiken."


def err_only_plan(name: str) -> str:
    return (f"Via de browser is alleen het plan {name} te bereiken (en bestanden naast het plan "
            "waarvan de naam daarmee begint).")


START_FOLDER = "Plannen in deze map"
START_NO_PLANS = "Nog geen plannen in deze map. Kies 'Nieuw plan'."
IN_USE = "nu geopend"


def folder_plan_line(file_name: str, changed: dt.datetime | None, in_use: bool) -> str:
    """A plan in the served folder: file, when it last changed, and whether someone has it open."""
    when = f"gewijzigd {changed.strftime('%d-%m-%Y %H:%M')}" if changed else ""
    return "  ·  ".join(part for part in (file_name, when, IN_USE if in_use else "") if part)


LOCKED_WEB_NOTICE = (
    "Dit plan is al geopend in een ander venster of door een collega. U kunt het nu alleen lezen; "
    "sluit het andere venster en open het plan opnieuw om te wijzigen."
)
DOWNLOAD = "Opnieuw downloaden"


def downloading(name: str) -> str:
    return f"Het concept wordt gedownload: {name} (het staat ook naast het plan)"
