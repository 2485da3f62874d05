"""Commands: the justering round (approve, justera, justering-status; by file: justering-package,
justering-respond, justering-answer, and justerare, which opens the approver's window), the anslag (notice),
the legal deadlines (deadlines, no database) and electronic signatures (certificate, sign, verify).
pyhanko is imported only by the signature commands."""

import json

import click

from namndapp.cli.common import db_option, json_option
from namndapp.errors import ValidationError
from namndapp.justering import deadlines
from namndapp.swedish import parse_date, weekday_date

_MEETING = click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")


def _date(ctx, param, value):
    return None if value is None else parse_date(value)


def _date_option(name: str, help_text: str):
    return click.option(name, callback=_date, metavar="ÅÅÅÅ-MM-DD", help=help_text)


def _line(label: str, deadline: deadlines.Deadline) -> str:
    text = f"{label}: {weekday_date(deadline.last_day)}"
    if deadline.moved:
        reason = deadline.moved_from_reason
        named = "" if reason in ("lördag", "söndag") else f", {reason}"
        text += (f" (tiden gick ut {weekday_date(deadline.nominal)}{named}; "
                 "flyttad till nästa vardag enligt lag (1930:173))")
    return text


def _as_json(deadline: deadlines.Deadline) -> dict:
    return {"last_day": deadline.last_day.isoformat(), "counted_to": deadline.nominal.isoformat(),
            "moved_because": deadline.moved_from_reason if deadline.moved else None}


@click.command("deadlines")
@json_option
@_date_option("--posted", "Dagen då justeringen tillkännagavs på anslagstavlan.")
@_date_option("--meeting", "Sammanträdesdagen (ger sista dag för justering).")
@_date_option("--justerad", "Dagen då protokollet justerades (ger sista dag för anslag).")
def deadlines_command(as_json, posted, meeting, justerad):
    """Räkna ut lagens tidsfrister, utan databas.

    Med --posted: sista dag för överklagande (laglighetsprövning, tre veckor från anslaget) och dagen då
    anslaget tas ned. Med --meeting: sista dag för justering (14 dagar). Med --justerad: sista dag för
    anslaget (2 dagar). En frist som slutar på en lördag, söndag, helgdag, midsommarafton, julafton eller
    nyårsafton flyttas till nästa vardag."""
    if not (posted or meeting or justerad):
        raise ValidationError("Ange minst ett datum: --posted, --meeting eller --justerad.")
    lines, result = [], {}
    if meeting:
        deadline = deadlines.justering_deadline(meeting)
        lines.append(_line("Sista dag för justering", deadline))
        result["justering"] = _as_json(deadline)
    if justerad:
        deadline = deadlines.anslag_deadline(justerad)
        lines.append(_line("Sista dag för anslag om justeringen", deadline))
        result["anslag"] = _as_json(deadline)
    if posted:
        dates = deadlines.anslag_dates(posted)
        lines.append(f"Anslaget sattes upp: {weekday_date(posted)}")
        lines.append(_line("Sista dag för överklagande (laglighetsprövning)", dates.appeal))
        lines.append(f"Anslaget tas ned: {weekday_date(dates.take_down_day)}")
        result["appeal"] = _as_json(dates.appeal) | {"posted": posted.isoformat(),
                                                     "take_down_day": dates.take_down_day.isoformat()}
    click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else "\n".join(lines))


@click.command("certificate")
@click.option("--name", required=True, metavar="NAMN", help="Namnet på den som ska underteckna.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FIL.p12",
              help="Certifikatfilen att skapa (den innehåller den privata nyckeln).")
@click.option("--password", prompt="Lösenord för certifikatfilen", hide_input=True,
              confirmation_prompt="Upprepa lösenordet", metavar="LÖSENORD",
              help="Lösenordet som skyddar filen (frågas efter om det inte anges).")
def certificate_command(name, out, password):
    """Skapa ett personligt testcertifikat för den som saknar ett riktigt underskriftscertifikat.

    Certifikatet är märkt TESTCERTIFIKAT i sitt namn och utfärdas av den här installationens
    testutfärdare; underskrifter med det räknas som betrodda bara där testutfärdaren är känd."""
    from namndapp.justering import test_certificates

    created = test_certificates.create_test_certificate(name, out, password)
    click.echo(f"Testcertifikatet är sparat: {created.path}")
    click.echo(f"Innehavare: {created.subject}")
    click.echo(f"Giltigt till och med: {created.valid_until:%Y-%m-%d}")
    click.echo(f"Fingeravtryck (SHA-256): {created.fingerprint}")
    click.echo(f"Testutfärdarens certifikat (betrott vid kontroll här): {created.trusted_copy}")
    click.echo("Ett testcertifikat är ingen e-legitimation: använd det för prov, inte för skarp justering.")


def _password(password_file) -> str:
    from namndapp.justering import signing

    if password_file:
        return signing.read_password_file(password_file)
    return click.prompt("Lösenord för certifikatfilen", hide_input=True)


@click.command("sign")
@db_option
@click.argument("pdf", required=False, type=click.Path(dir_okay=False), metavar="[FIL.pdf]")
@click.option("--meeting", "meeting_id", type=int, metavar="SAMMANTRÄDE",
              help="Underteckna sammanträdets sparade justerade protokoll (i stället för en fil) och spara den nya "
                   "versionen.")
@click.option("--cert", "cert", required=True, type=click.Path(dir_okay=False), metavar="FIL.p12",
              help="Certifikatfilen (PKCS#12) med din nyckel.")
@click.option("--password-file", type=click.Path(dir_okay=False), metavar="FIL",
              help="En fil med lösenordet på första raden (annars frågas efter det).")
@click.option("--out", type=click.Path(dir_okay=False), metavar="UNDERTECKNAD.pdf",
              help="Filen att skriva (får vara samma som FIL.pdf). Med --meeting: skriv också den nya versionen hit.")
@click.option("--title", metavar="TEXT", help="Dokumentets namn på sidan för underskrifter (standard: PDF-filens titel).")
@click.option("--timestamp-url", metavar="URL",
              help="Lägg till en dokumenttidsstämpel från den här tidsstämpelservern (med --meeting: standard är "
                   "servern i inställningen timestamp-server; ”” för ingen).")
def sign_command(db_path, pdf, meeting_id, cert, password_file, out, title, timestamp_url):
    """Underteckna en PDF elektroniskt (PAdES), utan nätverk.

    Underskriften läggs till som en ny version av filen, så att tidigare underskrifter fortsätter att gälla.
    Den syns på sidan ”Elektroniska underskrifter” med namn och tid. Med --meeting undertecknas det sparade
    justerade protokollet, och den nya versionen sparas i databasen. Bara med en tidsstämpelserver behövs nätverket."""
    from namndapp.justering import signature_page, signing

    if bool(pdf) == bool(meeting_id):
        raise ValidationError("Ange antingen en PDF-fil att underteckna eller --meeting SAMMANTRÄDE.")
    if pdf and not out:
        raise ValidationError("Ange --out: filen att skriva den undertecknade PDF:en till.")
    credential = signing.load_credential(cert, _password(password_file))
    if pdf:
        result = signing.sign_pdf(pdf, credential, out, title=title, timestamp_url=timestamp_url or None)
        click.echo(f"Underskriften är tillagd: {result.path}")
        click.echo(f"Undertecknat av {result.signer}, {signature_page.signing_time_text(result.signed_at)}.")
        if result.timestamped_at:
            click.echo(f"Dokumenttidsstämpel: {signature_page.signing_time_text(result.timestamped_at)}.")
        count = result.signature_count
        click.echo(f"Filen har nu {count} {'underskrift' if count == 1 else 'underskrifter'}.")
        return
    from namndapp.services.justering import protocol_pdfs

    db = db_path.open()
    result = protocol_pdfs.sign_stored(db, meeting_id, credential, timestamp_url_override=timestamp_url)
    approver = result["approver"]
    click.echo(f"Protokollet är undertecknat av {result['signer']} ({approver.role}), "
               f"{signature_page.signing_time_text(result['signed_at'])}; sparat som version {result['version']}.")
    if result["timestamped_at"]:
        click.echo(f"Dokumenttidsstämpel: {signature_page.signing_time_text(result['timestamped_at'])}.")
    for warning in result["warnings"]:
        click.echo(f"Varning: {warning}")
    _echo_signing_status(result["status"])
    if out:
        path = protocol_pdfs.save_pdf(db, meeting_id, out)
        click.echo(f"Det undertecknade protokollet är sparat: {path}")


def _echo_signing_status(status: dict) -> None:
    for person in status["approvers"]:
        when = f"undertecknat {person['signed_at'][:16].replace('T', ' kl. ')}" if person["signed_at"] else \
            "har inte undertecknat"
        click.echo(f"  {person['name']} ({person['role']}): {when}")
    if status["complete"]:
        click.echo("Ordföranden och alla justerare har undertecknat protokollet.")


@click.command("protocol-pdf")
@db_option
@json_option
@_MEETING
@click.option("--out", type=click.Path(dir_okay=False), metavar="FIL.pdf",
              help="Skriv det justerade protokollet (den senaste undertecknade versionen) till filen.")
@click.option("--version", "version", type=int, metavar="NR", help="Skriv en tidigare version (0: före underskrifterna).")
@click.option("--add", "signed_file", type=click.Path(dir_okay=False), metavar="UNDERTECKNAD.pdf",
              help="Spara en version som har undertecknats i ett annat program (en underskrift till den senaste).")
def protocol_pdf_command(db_path, as_json, meeting_id, out, version, signed_file):
    """Det justerade protokollet som PDF: visa versionerna och vilka som har undertecknat, skriv ut filen.

    Den senaste versionen är det justerade protokollet som skrivs ut och arkiveras (den interna versionen;
    den offentliga görs med namndapp minutes --public). Varje underskrift av ordföranden eller en justerare
    är en ny version som bygger på den förra utan att ändra den."""
    from pathlib import Path

    from namndapp.services.justering import protocol_pdfs

    db = db_path.open()
    protocol_pdfs.ensure_justerad_pdf(db, meeting_id)
    if signed_file:
        path = Path(signed_file)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ValidationError(f"Filen {path} finns inte.") from None
        result = protocol_pdfs.add_signed_version(db, meeting_id, data, name=f"filen {path.name}")
        click.echo(f"Underskriften av {result['signer']} ({result['approver'].role}) är sparad som version "
                   f"{result['version']}.")
        for warning in result["warnings"]:
            click.echo(f"Varning: {warning}")
    stored = protocol_pdfs.versions(db, meeting_id)
    status = protocol_pdfs.signing_status(db, meeting_id)
    if as_json:
        click.echo(json.dumps({"versions": stored, "signing": status}, ensure_ascii=False, indent=2, default=str))
    else:
        for row in stored:
            who = "justerat, före underskrifterna" if row["version"] == 0 else \
                f"undertecknad av {row['signer']} ({row['role']}) {row['signed_at']}"
            stamp = f", tidsstämplad {row['timestamped_at']}" if row["timestamped_at"] else ""
            click.echo(f"Version {row['version']}: {who}{stamp}; {row['size'] // 1024} kB, SHA-256 {row['sha256']}")
        _echo_signing_status(status)
    if out:
        path = protocol_pdfs.save_pdf(db, meeting_id, out, version)
        chosen = stored[-1]["version"] if version is None else version
        click.echo(f"Det justerade protokollet (version {chosen}) är sparat: {path}")


@click.command("timestamp-server")
@db_option
@click.argument("url", required=False, metavar="[URL]")
@click.option("--off", is_flag=True, help="Ingen tidsstämpelserver: underskrifter görs helt utan nätverk.")
def timestamp_server_command(db_path, url, off):
    """Visa eller ange tidsstämpelservern (RFC 3161) som ger varje underskrift en dokumenttidsstämpel.

    Utan server görs underskrifterna helt utan nätverk."""
    from namndapp.services.justering import protocol_pdfs

    db = db_path.open()
    if url and off:
        raise ValidationError("Ange antingen en adress eller --off.")
    if url or off:
        protocol_pdfs.set_timestamp_url(db, None if off else url)
    current = protocol_pdfs.timestamp_url(db)
    click.echo(f"Tidsstämpelserver: {current}" if current else
               "Ingen tidsstämpelserver är angiven: underskrifterna får ingen tidsstämpel och inget nätverk behövs.")


@click.command("verify")
@db_option
@json_option
@click.argument("pdf", required=False, type=click.Path(dir_okay=False), metavar="[FIL.pdf]")
@click.option("--meeting", "meeting_id", type=int, metavar="SAMMANTRÄDE",
              help="Kontrollera sammanträdets sparade justerade protokoll, också mot sigillet från justeringen.")
def verify_command(db_path, as_json, pdf, meeting_id):
    """Kontrollera underskrifterna i en PDF, utan nätverk.

    Visar för varje underskrift vem och när, om den är intakt, om dokumentet har ändrats efter den och om
    certifikatet är betrott (utfärdat av ett certifikat i mappen för betrodda certifikat eller av den här
    installationens testutfärdare). Avslutningskod 0: allt intakt och betrott; 1: en underskrift är bruten,
    dokumentet har ändrats efter en underskrift eller filen saknar underskrifter; 2: intakt men inte betrott."""
    from namndapp.justering import verification

    if bool(pdf) == bool(meeting_id):
        raise ValidationError("Ange antingen en PDF-fil att kontrollera eller --meeting SAMMANTRÄDE.")
    problems = []
    if meeting_id:
        from namndapp.services.justering import protocol_pdfs

        db = db_path.open()
        protocol_pdfs.ensure_justerad_pdf(db, meeting_id)
        checked = protocol_pdfs.verify_stored(db, meeting_id)
        problems, report = checked["problems"], checked["report"]
        if report is None:
            for problem in problems:
                click.echo(problem)
            return 1
    else:
        report = verification.verify_pdf(pdf)
    code = 1 if problems else (0 if report.trusted else (2 if report.intact else 1))
    if as_json:
        click.echo(json.dumps({"file": str(report.path), "intact": report.intact, "trusted": report.trusted,
                               "problems": problems, "signatures": [check.as_dict() for check in report.signatures]},
                              ensure_ascii=False, indent=2))
        return code
    for line in verification.report_lines(report) + problems:
        click.echo(line)
    return code


@click.command("approve")
@db_option
@_MEETING
@click.option("--as", "who", required=True, metavar="NAMN", help="Ordföranden eller justeraren som svarar.")
@click.option("--paragraph", "numbers", multiple=True, type=int, metavar="NR",
              help="Paragrafen ett ändringsförslag gäller (ange flera gånger, ett --comment för varje).")
@click.option("--comment", "comments", multiple=True, metavar="TEXT", help="Ändringsförslaget till paragrafen.")
@click.option("--none", "no_changes", is_flag=True, help="Inga ändringsförslag: godkänn protokollet.")
def approve_command(db_path, meeting_id, who, numbers, comments, no_changes):
    """Anteckna ordförandens eller en justerares svar: godkänt, eller tillbaka med ändringsförslag.

    Svaret gäller protokollet som det ser ut nu; ändrar sekreteraren något efteråt börjar en ny omgång."""
    from namndapp.services.justering import approvals

    if len(numbers) != len(comments):
        raise ValidationError("Ange ett --comment för varje --paragraph.")
    db = db_path.open()
    result = approvals.approve(db, meeting_id, who, list(zip(numbers, comments)), no_changes=no_changes)
    approver = result["approver"]
    if result["verdict"] == approvals.APPROVED:
        click.echo(f"{approver.name} ({approver.role}) har godkänt protokollet: inga ändringsförslag.")
    else:
        click.echo(f"{approver.name} ({approver.role}) har skickat tillbaka protokollet med ändringsförslag till "
                   + ", ".join(f"§ {c['number']}" for c in result["comments"]) + ".")
    _echo_round(db, meeting_id)


def _echo_round(db, meeting_id):
    from namndapp.services.justering import approvals

    labels = {"godkänt": "godkänt", "ändringsförslag": "ändringsförslag", "väntar": "väntar på svar"}
    for entry in approvals.round_state(db, meeting_id):
        click.echo(f"  {entry['name']} ({entry['role']}): {labels[entry['state']]}")
        for comment in entry["comments"]:
            click.echo(f"    § {comment['number']}: {comment['text']}")


@click.command("justering-status")
@db_option
@json_option
@_MEETING
def justering_status_command(db_path, as_json, meeting_id):
    """Visa var protokollet står (utkast, klar för justering, justerad, anslagen, överklagandetid löpt ut),
    vilken frist som gäller nu och vem som har godkänt."""
    from namndapp.services.justering import approvals, state

    db = db_path.open()
    result = state.protokoll_state(db, meeting_id)
    if as_json:
        click.echo(json.dumps({"state": result["state"], "deadline": _iso(result["deadline"]),
                               "deadline_label": result["deadline_label"], "warnings": result["warnings"],
                               "approvals": approvals.round_state(db, meeting_id),
                               "seal": result["seal"], "anslag": result["anslag"]},
                              ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"Protokollets läge: {result['state']}")
    if result["deadline"]:
        click.echo(f"{result['deadline_label']}: {weekday_date(result['deadline'])}")
    for warning in result["warnings"]:
        click.echo(f"Varning: {warning}")
    if result["state"] in (state.DRAFT, state.READY):
        _echo_round(db, meeting_id)
    if result["seal"]:
        click.echo(f"Justerat {result['seal']['justerad_on']}, innehållets SHA-256: {result['seal']['content_hash']}")
    for posting in result["anslag"]:
        extra = f" – {posting['note']}" if posting["note"] else ""
        click.echo(f"{posting['reason'].capitalize()} {posting['posted_on']}, sista dag för överklagande "
                   f"{posting['last_appeal_day']}, tas ned {posting['take_down_on']}{extra}")


def _iso(day):
    return day.isoformat() if day else None


@click.command("justera")
@db_option
@_MEETING
@click.option("--out", type=click.Path(dir_okay=False), metavar="FIL.pdf",
              help="Skriv det justerade protokollet till den här filen.")
def justera_command(db_path, meeting_id, out):
    """Justera protokollet när ordföranden och alla justerare har godkänt det.

    Protokollet, dess paragrafer, beslut, omröstningar, reservationer och närvaro låses i databasen och
    får ett sigill (SHA-256) som kedjas till organets förra justerade protokoll."""
    from namndapp.services.justering import sealing

    db = db_path.open()
    result = sealing.justera(db, meeting_id)
    click.echo(f"Protokollet är justerat {result['seal']['justerad_on']} och kan inte längre ändras.")
    click.echo(f"Innehållets SHA-256: {result['seal']['content_hash']}")
    for warning in result["warnings"]:
        click.echo(f"Varning: {warning}")
    click.echo(f"Tillkännage justeringen på anslagstavlan senast {weekday_date(result['last_anslag_day'])} "
               f"(namndapp notice {meeting_id} --posted ÅÅÅÅ-MM-DD).")
    if out:
        from namndapp.services.justering import protocol_pdfs

        path = protocol_pdfs.save_pdf(db, meeting_id, out)
        click.echo(f"Det justerade protokollet är sparat: {path} (underteckna det med namndapp sign --meeting "
                   f"{meeting_id}).")


@click.command("notice")
@db_option
@_MEETING
@_date_option("--posted", "Dagen då anslaget sätts upp på anslagstavlan (utelämnas: det senaste anslaget).")
@click.option("--storage-place", metavar="TEXT", help="Var protokollet förvaras, t.ex. ”Kommunkansliet, Storgatan 1”.")
@click.option("--reason", metavar="TEXT", help="Varför anslaget sätts upp på nytt (när det inte satt uppe hela tiden).")
@click.option("--out", type=click.Path(dir_okay=False), metavar="anslag.pdf|anslag.html",
              help="Skriv anslaget som PDF eller som HTML för webbplatsen.")
def notice_command(db_path, meeting_id, posted, storage_place, reason, out):
    """Tillkännage justeringen på anslagstavlan och skapa anslaget.

    Anteckna dagen då anslaget sätts upp; sista dag för överklagande och dagen då anslaget tas ned räknas
    fram. Satt anslaget inte uppe hela tiden, sätt upp det på nytt med --reason: tiden börjar om."""
    from pathlib import Path

    from namndapp.files import write_atomically
    from namndapp.services.justering import anslag

    db = db_path.open()
    latest = anslag.latest_posting(db, meeting_id)
    if posted and not (latest and latest["posted_on"] == posted.isoformat()):
        result = anslag.post(db, meeting_id, posted, storage_place=storage_place, note=reason)
        click.echo(f"{'Nytt anslag' if result['reason'] == 'återanslag' else 'Anslaget'} är antecknat: "
                   f"uppsatt {weekday_date(result['dates'].posted)}.")
        for warning in result["warnings"]:
            click.echo(f"Varning: {warning}")
    data = anslag.notice_data(db, meeting_id)
    click.echo(f"Sista dag för överklagande: {weekday_date(data['last_appeal_day'])}")
    click.echo(f"Anslaget tas ned: {weekday_date(data['take_down_on'])}")
    if out:
        path = Path(out)
        if path.suffix.lower() not in anslag.NOTICE_FORMATS:
            raise ValidationError("Anslaget skrivs som .pdf eller .html.")
        write_atomically(path, anslag.notice_document(db, meeting_id, anslag.NOTICE_FORMATS[path.suffix.lower()]))
        click.echo(f"Anslaget är sparat: {path}")


@click.command("justering-package")
@db_option
@_MEETING
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FIL.pdf",
              help="Justeringsunderlaget att skriva (protokollet som PDF med omgångens uppgifter i).")
def justering_package_command(db_path, meeting_id, out):
    """Skapa ett justeringsunderlag att skicka till ordföranden och justerarna.

    De öppnar det i sin egen Nämndapp (justerare eller justering-respond, inget register behövs) eller läser det i vilken
    PDF-läsare som helst, och skickar tillbaka sitt svar (justering-answer)."""
    from namndapp.files import write_atomically
    from namndapp.services.justering import packages

    db = db_path.open()
    path = write_atomically(out, packages.make_package(db, meeting_id))
    click.echo(f"Justeringsunderlaget är sparat: {path}")


@click.command("justering-respond")
@click.argument("package_file", type=click.Path(dir_okay=False), metavar="UNDERLAG.pdf")
@click.option("--as", "who", required=True, metavar="NAMN", help="Ditt namn, som det står i underlaget.")
@click.option("--paragraph", "numbers", multiple=True, type=int, metavar="NR",
              help="Paragrafen ett ändringsförslag gäller (ett --comment för varje).")
@click.option("--comment", "comments", multiple=True, metavar="TEXT", help="Ändringsförslaget till paragrafen.")
@click.option("--none", "no_changes", is_flag=True, help="Inga ändringsförslag: godkänn protokollet.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="SVAR.json",
              help="Svaret att skicka tillbaka till sekreteraren.")
def justering_respond_command(package_file, who, numbers, comments, no_changes, out):
    """Svara på ett justeringsunderlag (för ordföranden och justerarna; ingen databas behövs)."""
    from pathlib import Path

    from namndapp.files import write_atomically
    from namndapp.justering import package
    from namndapp.services.justering import packages

    if len(numbers) != len(comments):
        raise ValidationError("Ange ett --comment för varje --paragraph.")
    path = Path(package_file)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Filen {path} finns inte.") from None
    facts = package.read_package(data, path.name)
    answer = packages.answer_package(facts, who, list(zip(numbers, comments)), no_changes=no_changes)
    write_atomically(out, json.dumps(answer, ensure_ascii=False, indent=2).encode("utf-8"))
    verdict = "godkänt" if answer["verdict"] == "godkänt" else "ändringsförslag"
    click.echo(f"Svaret ({verdict}) är sparat: {out}. Skicka filen till sekreteraren.")


@click.command("justering-answer")
@db_option
@click.argument("answer_file", metavar="SVAR.json")
def justering_answer_command(db_path, answer_file):
    """Läs in ett svar från ordföranden eller en justerare (från justering-respond).

    Ett svar på en version av protokollet som har ändrats sedan underlaget skapades avvisas."""
    from pathlib import Path

    from namndapp.cli.common import read_json_file
    from namndapp.services.justering import packages

    db = db_path.open()
    result = packages.import_answer(db, read_json_file(answer_file), Path(answer_file).name)
    approver = result["approver"]
    click.echo(f"Svaret från {approver.name} ({approver.role}) är inläst: {result['verdict']}.")
    _echo_round(db, result["meeting_id"])


@click.command("justerare")
@click.argument("package_file", type=click.Path(dir_okay=False), metavar="UNDERLAG.pdf")
def justerare_command(package_file):
    """Öppna ett justeringsunderlag i ett eget fönster (för ordföranden och justerarna; ingen databas behövs).

    Läs protokollet, skriv ändringsförslag per paragraf eller godkänn det, och spara svaret att skicka
    tillbaka till sekreteraren."""
    import importlib
    import sys

    window = importlib.import_module("ui.justering.approver_window")  # loaded lazily: the core never imports Qt
    sys.exit(window.run(package_file))


COMMANDS = [deadlines_command, certificate_command, sign_command, protocol_pdf_command, timestamp_server_command,
            verify_command, approve_command,
            justering_status_command, justera_command, notice_command, justering_package_command,
            justering_respond_command, justering_answer_command, justerare_command]
