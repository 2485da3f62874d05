"""The demo's cases and their tjänsteskrivelser: made-up matters written the way Swedish
socialförvaltningar write them (see seeds 000 and 003). Officials are referred to by key (people.OFFICIALS)."""

from dataclasses import dataclass

NO_ECOLOGY = "Ärendet bedöms inte ha någon påverkan ur ett ekologiskt perspektiv."


@dataclass(frozen=True)
class CaseText:
    key: str
    title: str
    meeting: str                         # the nämnd meeting (ISO date) that decides it
    proposal: tuple[str, ...]
    description: str
    agenda_title: str | None = None
    item_kind: str = "beslut"
    report_kind: str = "tjänsteskrivelse"
    report_title: str | None = None
    registered_on: str | None = None
    author: str = "chef"
    preparers: tuple[str, ...] = ("chef",)
    signers: tuple[str, ...] = ("chef",)
    recipients: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()
    social: str = ""
    ecological: str = NO_ECOLOGY
    economic: str = ""
    attachments: tuple[str, ...] = ()
    presenter: str | None = None
    immediate: bool = False


CASES = [
    CaseText(
        key="internkontroll-2026", title="Internkontrollplan 2026 för socialnämnden", meeting="2026-01-30",
        registered_on="2025-11-18", author="kvalitet", preparers=("kvalitet", "chef"), signers=("chef", "kvalitet"),
        proposal=("att anta internkontrollplan 2026 för socialnämnden enligt bilaga.",),
        description=(
            "Enligt kommunallagen 6 kap. 6 § ska nämnderna se till att den interna kontrollen är tillräcklig och "
            "att verksamheten i övrigt bedrivs på ett tillfredsställande sätt. Kommunfullmäktiges reglemente för "
            "intern kontroll anger att varje nämnd årligen ska anta en internkontrollplan.\n\n"
            "Förvaltningen har genomfört en risk- och väsentlighetsanalys tillsammans med verksamheternas "
            "ledningsgrupper. Sammanlagt identifierades 31 risker, varav sju bedöms ha både hög sannolikhet och "
            "stor konsekvens. Dessa föreslås ingå i planen med kontrollmoment, ansvarig och tidpunkt för "
            "uppföljning.\n\n"
            "Bland de föreslagna kontrollmomenten finns rutinerna för utbetalning av ekonomiskt bistånd, "
            "dokumentation av genomförandeplaner inom hemtjänsten, efterlevnad av rutinen för hot och våld samt "
            "att delegationsbeslut anmäls till nämnden inom föreskriven tid."),
        social="En fungerande intern kontroll bidrar till rättssäker handläggning och ökad trygghet för de "
               "enskilda som tar del av nämndens insatser.",
        economic="Planen genomförs inom befintlig budgetram. Kontrollerna minskar risken för felaktiga utbetalningar.",
        basis=("Tjänsteskrivelse 2026-01-14.", "Internkontrollplan 2026 för socialnämnden.",
               "Risk- och väsentlighetsanalys 2026."),
        recipients=("Kommunstyrelsen", "Kommunens revisorer", "Socialförvaltningens ledningsgrupp"),
        attachments=("internkontrollplan",)),
    CaseText(
        key="riktlinje-ekonomiskt-bistand", title="Revidering av riktlinje för ekonomiskt bistånd",
        meeting="2026-01-30", registered_on="2025-10-02", author="ifo", preparers=("ifo", "jurist"),
        signers=("chef", "ifo"),
        proposal=("att anta reviderad riktlinje för handläggning av ekonomiskt bistånd att gälla från och med "
                  "den 1 mars 2026, samt",
                  "att riktlinjen antagen 2023-02-24 § 14 upphör att gälla samma dag."),
        description=(
            "Nämndens riktlinje för handläggning av ekonomiskt bistånd antogs i februari 2023. Sedan dess har "
            "riksnormen höjts två gånger och Socialstyrelsen har gett ut nya allmänna råd om ekonomiskt bistånd. "
            "Förvaltningen har därför gått igenom riktlinjen i sin helhet.\n\n"
            "De viktigaste ändringarna gäller kraven på aktivt arbetssökande, bedömningen av skäliga "
            "boendekostnader och handläggningen av ansökningar om bistånd till tandvård. Riktlinjen har också "
            "förtydligats när det gäller barnets bästa och barnets rätt att komma till tals.\n\n"
            "Riktlinjen har stämts av med förvaltningsjuristen och med arbetsmarknadsenheten."),
        social="Tydliga riktlinjer ger likvärdiga bedömningar och förutsägbarhet för den enskilde. Barnets bästa "
               "ska särskilt beaktas i varje ärende där barn berörs.",
        economic="Riktlinjen bedöms inte påverka kostnaderna för försörjningsstöd i någon större omfattning. "
                 "Riktlinjen är vägledande och ersätter inte en individuell prövning enligt 4 kap. 1 § SoL.",
        basis=("Tjänsteskrivelse 2026-01-13.", "Riktlinje för handläggning av ekonomiskt bistånd, reviderad 2026.",
               "Socialstyrelsens allmänna råd om ekonomiskt bistånd (SOSFS 2013:1)."),
        recipients=("Individ- och familjeomsorgen", "Arbetsmarknadsenheten")),
    CaseText(
        key="verksamhetsberattelse-2025", title="Verksamhetsberättelse 2025 för socialnämnden",
        meeting="2026-02-27", registered_on="2026-01-08", author="ekonom", preparers=("ekonom", "kvalitet"),
        signers=("chef",),
        proposal=("att godkänna verksamhetsberättelse 2025 för socialnämnden, samt",
                  "att överlämna verksamhetsberättelsen till kommunstyrelsen."),
        description=(
            "Socialnämnden redovisar för 2025 ett underskott på 14,2 mnkr, vilket motsvarar 2,1 procent av "
            "nämndens budgetram på 672,5 mnkr. Underskottet förklaras främst av ökade kostnader för externa "
            "placeringar av barn och unga samt för personlig assistans enligt LSS där Försäkringskassan har "
            "dragit in assistansersättning i flera ärenden.\n\n"
            "Hemtjänsten har under året minskat sitt underskott från 11,8 mnkr till 6,4 mnkr genom bättre "
            "planering och minskad andel timanställda. Särskilt boende redovisar ett överskott på 2,3 mnkr.\n\n"
            "Av nämndens sex mål bedöms tre vara uppfyllda, två delvis uppfyllda och ett inte uppfyllt. Målet "
            "om minskat antal placeringar på HVB har inte nåtts."),
        social="Verksamhetsberättelsen visar hur nämndens insatser har bidragit till trygghet och delaktighet "
               "för invånare som behöver stöd.",
        economic="Underskottet på 14,2 mnkr belastar kommunens resultat för 2025.",
        basis=("Tjänsteskrivelse 2026-02-10.", "Verksamhetsberättelse 2025 för socialnämnden."),
        recipients=("Kommunstyrelsen", "Ekonomiavdelningen"),
        attachments=("verksamhetsberattelse",)),
    CaseText(
        key="patientsakerhet-2025", title="Patientsäkerhetsberättelse 2025", meeting="2026-02-27",
        registered_on="2026-01-12", author="mas", preparers=("mas",), signers=("chef", "mas"),
        proposal=("att godkänna patientsäkerhetsberättelse för 2025 och lägga den till handlingarna.",),
        description=(
            "Vårdgivaren ska enligt patientsäkerhetslagen (2010:659) 3 kap. 10 § varje år upprätta en "
            "patientsäkerhetsberättelse. Berättelsen ska beskriva hur arbetet med patientsäkerhet har bedrivits, "
            "vilka åtgärder som har vidtagits och vilka resultat som har uppnåtts.\n\n"
            "Under 2025 rapporterades 412 avvikelser inom den kommunala hälso- och sjukvården, varav 61 procent "
            "gällde läkemedelshantering och 27 procent fall. Två händelser har anmälts till IVO enligt lex Maria. "
            "Andelen brukare med en aktuell fallriskbedömning har ökat från 74 till 88 procent."),
        social="Ett systematiskt patientsäkerhetsarbete minskar risken för vårdskador hos äldre och personer "
               "med funktionsnedsättning.",
        economic="Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-02-09.", "Patientsäkerhetsberättelse 2025."),
        recipients=("Medicinskt ansvarig sjuksköterska", "Verksamhetschef vård och omsorg")),
    CaseText(
        key="familjehem-avtal", title="Uppföljning av avtal om konsulentstödd familjehemsvård",
        meeting="2026-02-27", item_kind="information", registered_on="2025-12-03", author="ifo",
        preparers=("ifo",), signers=("ifo",), presenter="ifo",
        proposal=("att godkänna informationen och lägga den till handlingarna.",),
        description=(
            "Norrviks kommun har sedan 2024 ramavtal med tre leverantörer av konsulentstödd familjehemsvård. "
            "Förvaltningen har följt upp avtalen under hösten 2025 genom dokumentgranskning och intervjuer med "
            "familjehem och placerade barn.\n\n"
            "Uppföljningen visar att leverantörerna i huvudsak uppfyller avtalens krav. Brister har framkommit "
            "när det gäller handledning av familjehem under sommarmånaderna, där en leverantör har fått lämna "
            "en åtgärdsplan. Åtgärdsplanen följs upp i april 2026."),
        social="Placerade barn har rätt till en trygg och stabil vård. Uppföljningen är en del av nämndens ansvar "
               "enligt 6 kap. 7 b § SoL.",
        economic="Kostnaden för konsulentstödd familjehemsvård var 18,6 mnkr under 2025.",
        basis=("Tjänsteskrivelse 2026-02-11.", "Rapport – avtalsuppföljning familjehemsvård 2025."),
        recipients=("Individ- och familjeomsorgen", "Upphandlingsenheten")),
    CaseText(
        key="motion-trygghetsboende", title="Motion om trygghetsboende i Norrviks ytterområden – yttrande",
        agenda_title="Yttrande över motion om trygghetsboende i ytterområdena", meeting="2026-03-27",
        report_kind="yttrande", report_title="Yttrande över motion om trygghetsboende", registered_on="2025-12-10",
        author="aldre", preparers=("aldre", "utredare"), signers=("chef", "aldre"),
        proposal=("att anta förvaltningens yttrande som sitt eget och överlämna det till kommunstyrelsen, samt",
                  "att föreslå kommunfullmäktige att motionen ska anses besvarad."),
        description=(
            "I en motion till kommunfullmäktige föreslår Ingela Bäckman (KD) att kommunen ska utreda möjligheten "
            "att inrätta trygghetsboenden i Storberg och Västerå. Kommunstyrelsen har gett socialnämnden "
            "tillfälle att yttra sig senast den 15 april 2026.\n\n"
            "Trygghetsboende är ett boende för äldre utan biståndsbeslut. Boendet erbjuder gemensamma lokaler och "
            "värdskap men ingen omvårdnad. Ansvaret för att planera bostäder ligger på kommunstyrelsen och det "
            "kommunala bostadsbolaget, medan socialnämnden ansvarar för insatser enligt socialtjänstlagen.\n\n"
            "Förvaltningen delar motionärens bild av att behovet av anpassade bostäder för äldre ökar i "
            "ytterområdena. Frågan bör dock hanteras i kommunens bostadsförsörjningsprogram, som revideras under "
            "2026. Förvaltningen föreslår därför att motionen ska anses besvarad."),
        social="Tillgång till anpassade bostäder kan minska ofrivillig ensamhet och skjuta upp behovet av "
               "särskilt boende.",
        ecological="Ett boende nära service kan minska resorna med bil för både boende och hemtjänst.",
        economic="Yttrandet medför inga kostnader för nämnden.",
        basis=("Tjänsteskrivelse 2026-03-10.", "Motion om trygghetsboende i ytterområdena, 2025-11-24.",
               "Kommunstyrelsens remiss 2025-12-08."),
        recipients=("Kommunstyrelsen",)),
    CaseText(
        key="attestforteckning-2026", title="Attestförteckning 2026 för socialnämnden", meeting="2026-03-27",
        registered_on="2026-02-02", author="ekonom", preparers=("ekonom",), signers=("chef", "ekonom"),
        proposal=("att fastställa attestförteckning för socialnämnden enligt bilaga att gälla från och med "
                  "den 1 april 2026, samt",
                  "att ge förvaltningschefen i uppdrag att besluta om ändringar i attestförteckningen under året."),
        description=(
            "Enligt kommunens reglemente för attest ska varje nämnd fastställa vilka befattningshavare som får "
            "attestera verifikationer inom nämndens ansvarsområde. Attestförteckningen har uppdaterats med "
            "anledning av omorganisationen av individ- och familjeomsorgen den 1 januari 2026.\n\n"
            "För att förteckningen ska kunna hållas aktuell vid personalförändringar föreslås att "
            "förvaltningschefen får besluta om ändringar. Sådana beslut anmäls till nämnden som "
            "delegationsbeslut."),
        social="Ärendet bedöms inte ha någon påverkan ur ett socialt perspektiv.",
        economic="En aktuell attestförteckning är en förutsättning för en god intern kontroll.",
        basis=("Tjänsteskrivelse 2026-03-09.", "Attestförteckning 2026."),
        recipients=("Ekonomiavdelningen",)),
    CaseText(
        key="foreningsbidrag-2026", title="Verksamhetsbidrag till ideella föreningar inom det sociala området 2026",
        meeting="2026-03-27", registered_on="2025-11-20", author="utredare", preparers=("utredare",),
        signers=("chef", "utredare"),
        proposal=("att bevilja verksamhetsbidrag för 2026 till Norrviks brottsofferjour med 85 000 kr, "
                  "Kvinno- och tjejjouren i Norrvik med 240 000 kr och Föreningen Anhörigstöd Norrvik med "
                  "60 000 kr, samt",
                  "att avslå ansökan från Föreningen Gemenskap i Väst med hänvisning till att verksamheten "
                  "inte uppfyller villkoren i riktlinjen för föreningsbidrag."),
        description=(
            "Socialnämnden har i budget 2026 avsatt 400 000 kr för verksamhetsbidrag till ideella föreningar "
            "vars verksamhet kompletterar nämndens insatser. Ansökningstiden gick ut den 31 januari 2026 och fyra "
            "ansökningar har kommit in med ett sammanlagt belopp på 512 000 kr.\n\n"
            "Förvaltningen har bedömt ansökningarna utifrån nämndens riktlinje för föreningsbidrag. Tre av "
            "föreningarna bedriver verksamhet som har en tydlig koppling till nämndens ansvarsområde. Föreningen "
            "Gemenskap i Väst bedriver främst fritidsverksamhet och hänvisas till kultur- och fritidsnämnden."),
        social="Föreningarnas verksamhet ger stöd till brottsutsatta, våldsutsatta och anhöriga och kompletterar "
               "socialtjänstens insatser.",
        economic="Förslaget ryms inom avsatta medel, 385 000 kr av 400 000 kr.",
        basis=("Tjänsteskrivelse 2026-03-05.", "Ansökningar om verksamhetsbidrag 2026 (4 st)."),
        recipients=("De sökande föreningarna", "Ekonomiavdelningen")),
    CaseText(
        key="mal-2027", title="Socialnämndens mål, nyckelaktiviteter och indikatorer 2027", meeting="2026-04-24",
        registered_on="2025-12-15", author="kvalitet", preparers=("kvalitet", "chef"), signers=("chef",),
        presenter="kvalitet",
        proposal=("att fastställa de för 2026 beslutade målen, nyckelaktiviteterna och indikatorerna samt "
                  "nämndens syfte att gälla även 2027, samt",
                  "att delge kommunfullmäktige beslutet."),
        description=(
            "Norrviks kommuns målprogram beslutas för en period om fyra år. Fullmäktige har genom fem "
            "inriktningar beskrivit ett önskvärt framtida tillstånd som nämnderna ska bidra till. Inriktningarna "
            "utgör tillsammans med reglemente och lagstiftning grunden för nämndernas styrning.\n\n"
            "Socialnämnden tog under 2025 fram mål, nyckelaktiviteter och indikatorer för tre av inriktningarna. "
            "Ambitionen har varit att målen ska vara användbara inom flera av nämndens verksamhetsområden och "
            "hållbara över tid. Nyckelaktiviteter och indikatorer kan justeras inför varje år om nämnden ser behov "
            "av det.\n\n"
            "Vid nämndens workshop den 20 mars 2026 var bedömningen att målen fortfarande är relevanta. "
            "Förslaget är därför att behålla mål, nyckelaktiviteter och indikatorer även 2027.\n\n"
            "Inriktning En plats för alla: Socialnämndens insatser ska utföras så att invånarna kan känna sig "
            "trygga och delaktiga i samhället."),
        social="Målen syftar till att stärka tryggheten och delaktigheten för de invånare som tar del av "
               "nämndens insatser.",
        economic="Arbetet för att nå målen bedrivs med god hushållning av resurser och inom beslutad budgetram.",
        basis=("Tjänsteskrivelse 2026-04-08.", "Presentation – Mål 2027, workshop 2026-03-20."),
        recipients=("Kommunfullmäktige", "Kommunstyrelsens förvaltning, enheten för styrning och uppföljning")),
    CaseText(
        key="revision-hemtjanst", title="Revisionens granskning av hemtjänstens planering och bemanning",
        agenda_title="Granskning av hemtjänstens planering – begäran om yttrande", meeting="2026-04-24",
        report_kind="yttrande", report_title="Yttrande över revisionsrapport om hemtjänstens planering",
        registered_on="2026-02-20", author="aldre", preparers=("aldre", "ekonom"), signers=("chef", "aldre"),
        presenter="aldre", attachments=("revisionsrapport",),
        proposal=("att anta förvaltningens yttrande som sitt eget och överlämna det till kommunens revisorer, samt",
                  "att uppdra till förvaltningen att redovisa arbetet med åtgärderna för nämnden senast i "
                  "oktober 2026."),
        description=(
            "Kommunens revisorer har granskat om socialnämnden har en ändamålsenlig styrning och uppföljning av "
            "hemtjänstens planering och bemanning. Revisorerna begär nämndens yttrande senast den 8 maj 2026.\n\n"
            "Revisorernas sammanfattande bedömning är att nämnden delvis har en ändamålsenlig styrning. "
            "Revisorerna rekommenderar nämnden att\n"
            "- säkerställa att planeringssystemet används fullt ut för att minska andelen oplanerad tid,\n"
            "- följa upp kontinuiteten, det vill säga antalet personal som en brukare möter under 14 dagar,\n"
            "- se över rutinen för att ta in timavlönad personal vid korttidsfrånvaro.\n\n"
            "Förvaltningen instämmer i rekommendationerna. Ett nytt planeringsstöd införs i alla hemtjänstgrupper "
            "under våren 2026 och kontinuiteten redovisas från och med maj i nämndens månadsrapport. Rutinen för "
            "korttidsfrånvaro ses över tillsammans med bemanningsenheten."),
        social="God kontinuitet i hemtjänsten ökar tryggheten för äldre och minskar risken för "
               "missförstånd i omvårdnaden.",
        ecological="Bättre planering av körvägar minskar hemtjänstens bilkörning.",
        economic="Åtgärderna genomförs inom befintlig ram. Minskad användning av timavlönad personal bedöms ge "
                 "en besparing på cirka 1,5 mnkr per år.",
        basis=("Tjänsteskrivelse 2026-04-07.", "Revisionsrapport – Granskning av hemtjänstens planering och "
               "bemanning, mars 2026.", "Missiv från kommunens revisorer 2026-03-12."),
        recipients=("Kommunens revisorer", "Verksamhetschef vård och omsorg")),
    CaseText(
        key="ersattare-ordforandebeslut",
        title="Förordnande av ersättare vid ordförandebeslut enligt LVU och LVM, mandatperioden 2023–2026",
        agenda_title="Förordnande av ersättare vid ordförandebeslut, mandatperioden 2023–2026",
        meeting="2026-04-24", registered_on="2026-03-30", author="sekreterare", preparers=("sekreterare",),
        signers=("ordförande", "sekreterare"),
        proposal=("att förordna {substitutes} att i nämnd ordning vid förfall för ordförande, förste vice och "
                  "andre vice ordförande fatta beslut enligt 6 § andra stycket, 11 § tredje stycket, 27 § andra "
                  "stycket och 43 § första stycket 1 och 2 LVU samt 13 § LVM, samt",
                  "att beslutet gäller från och med den 1 maj 2026 till och med den 31 december 2026."),
        description=(
            "Enligt 6 kap. 39 § kommunallagen får nämnden uppdra åt ordföranden att besluta på nämndens vägnar i "
            "ärenden som är så brådskande att nämndens avgörande inte kan avvaktas. I ärenden enligt LVU och LVM "
            "får nämnden dessutom förordna en annan ledamot att fatta sådana beslut när ordföranden inte kan "
            "nås.\n\n"
            "Två av de tidigare förordnade ledamöterna har lämnat sina uppdrag. Förvaltningen föreslår därför att "
            "förordnandet görs om i sin helhet. Ordningen i uppräkningen är den ordning i vilken ledamöterna ska "
            "tillfrågas."),
        social="Barn och unga som behöver omedelbart skydd ska kunna få det utan dröjsmål, även när ordföranden "
               "inte kan nås.",
        economic="Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-04-02.", "Socialnämndens beslut 2023-01-27 § 9."),
        recipients=("De förordnade ledamöterna", "Individ- och familjeomsorgen", "Norrvik tingsrätt")),
    CaseText(
        key="delegationsordning", title="Revidering av delegationsordning för socialnämnden",
        agenda_title="Ändringar i delegationsordning socialnämnden 2026", meeting="2026-04-24",
        registered_on="2026-01-20", author="jurist", preparers=("jurist", "sekreterare"),
        signers=("chef", "sekreterare"), attachments=("delegationsordning",),
        proposal=("att anta den 2026-04-09 reviderade delegationsordningen för socialnämnden att gälla från och "
                  "med den 1 maj 2026.",),
        description=(
            "Delegationsordningen revideras löpande när lagstiftning eller organisation ändras. Den senaste "
            "revideringen antogs av nämnden den 24 oktober 2025.\n\n"
            "Information om ändringen\n"
            "Den nya socialtjänstlagen (2025:400) trädde i kraft den 1 juli 2025. Hänvisningarna i "
            "delegationsordningen har därför uppdaterats till den nya lagens paragrafer.\n\n"
            "Ändringar som gjorts vid revideringen\n"
            "- Nya delegationspunkter för beslut om insatser utan föregående individuell behovsprövning.\n"
            "- Beslut om förlängning av utredningstid flyttas från arbetsutskottet till enhetschef.\n"
            "- Delegaten för yttrande till allmän domstol i mål om vårdnad ändras till socialsekreterare.\n\n"
            "Ändringarna är markerade med spårbara ändringar i bilagan."),
        social="En ändamålsenlig delegation ger kortare handläggningstider för den enskilde.",
        economic="Delegationsordningen följer kommunallagen 6 kap. 37–40 §§. Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-04-09.",
               "Bilaga 1 Delegationsordning för socialnämnden med spårbara ändringar, 2026-04-09."),
        recipients=("Samtliga enhetschefer inom socialförvaltningen", "Nämndsekreterare")),
    CaseText(
        key="bus-overenskommelse", title="Lokal överenskommelse om samverkan kring barn och unga (BUS)",
        meeting="2026-05-29", registered_on="2026-02-16", author="ifo", preparers=("ifo", "utredare"),
        signers=("chef", "ifo"),
        proposal=("att godkänna den lokala överenskommelsen om samverkan kring barn och unga i behov av "
                  "särskilt stöd, samt",
                  "att uppdra till förvaltningschefen att underteckna överenskommelsen."),
        description=(
            "Regionen och länets kommuner har tagit fram en gemensam överenskommelse om samverkan kring barn och "
            "unga som behöver insatser från både socialtjänst, skola och hälso- och sjukvård. Den lokala "
            "överenskommelsen anpassar den regionala till förhållandena i Norrvik.\n\n"
            "Överenskommelsen beskriver ansvarsfördelningen, hur samordnad individuell plan (SIP) ska användas och "
            "hur oenighet mellan parterna ska hanteras. Barn- och utbildningsnämnden behandlar överenskommelsen "
            "den 2 juni 2026."),
        social="Samverkan ska ge barn och unga rätt stöd i rätt tid utan att de hamnar mellan huvudmännen.",
        economic="Överenskommelsen medför inga nya kostnader.",
        basis=("Tjänsteskrivelse 2026-05-12.", "Lokal överenskommelse BUS Norrvik 2026."),
        recipients=("Barn- och utbildningsnämnden", "Region Västernorr, hälso- och sjukvårdsförvaltningen")),
    CaseText(
        key="taxor-2027", title="Avgifter inom vård och omsorg 2027", meeting="2026-05-29",
        registered_on="2026-03-02", author="ekonom", preparers=("ekonom", "aldre"), signers=("chef", "ekonom"),
        proposal=("att föreslå kommunfullmäktige att anta taxa för avgifter inom vård och omsorg 2027 enligt "
                  "bilaga, samt",
                  "att föreslå kommunfullmäktige att avgiften för trygghetslarm höjs från 250 kr till 290 kr per "
                  "månad."),
        description=(
            "Avgifterna inom vård och omsorg räknas årligen om utifrån prisbasbeloppet. Maxtaxan för hemtjänst "
            "och hälso- och sjukvård bestäms i 8 kap. 5 § socialtjänstlagen och uppgår 2027 preliminärt till "
            "2 612 kr per månad.\n\n"
            "Avgiften för trygghetslarm har inte höjts sedan 2019 medan kostnaden för larmtjänsten har ökat med "
            "38 procent. Förvaltningen föreslår därför en höjning till 290 kr per månad. Avgiften ingår i "
            "maxtaxan, vilket innebär att cirka 40 procent av larmkunderna inte påverkas av höjningen."),
        social="Avgifterna ska inte hindra någon från att ta emot insatser. Förbehållsbeloppet säkerställer att "
               "den enskilde har kvar tillräckligt för sina levnadskostnader.",
        economic="Höjningen av larmavgiften beräknas ge 0,4 mnkr i ökade intäkter per år.",
        basis=("Tjänsteskrivelse 2026-05-11.", "Taxa för avgifter inom vård och omsorg 2027."),
        recipients=("Kommunfullmäktige", "Avgiftshandläggarna")),
    CaseText(
        key="vald-nara-relationer", title="Handlingsplan mot våld i nära relationer 2026–2028",
        meeting="2026-06-12", registered_on="2026-01-28", author="utredare", preparers=("utredare", "ifo"),
        signers=("chef", "ifo"),
        proposal=("att anta handlingsplan mot våld i nära relationer 2026–2028.",),
        description=(
            "Socialnämnden har enligt 5 kap. 11 § socialtjänstlagen ett särskilt ansvar för att brottsoffer och "
            "barn som bevittnat våld får stöd och hjälp. Handlingsplanen ersätter den tidigare planen från 2022.\n\n"
            "Planen innehåller fyra fokusområden: tidig upptäckt, skydd och stöd, insatser för våldsutövare samt "
            "kompetens. Under planperioden ska samtliga medarbetare inom hemtjänst och funktionsstöd genomgå "
            "webbutbildningen Våld i nära relationer, och rutinen för frågor om våld ska införas inom "
            "försörjningsstöd."),
        social="Planen stärker skyddet för våldsutsatta vuxna och barn.",
        economic="Kostnaden för utbildningsinsatserna, 120 000 kr, ryms inom budget 2026.",
        basis=("Tjänsteskrivelse 2026-05-26.", "Handlingsplan mot våld i nära relationer 2026–2028."),
        recipients=("Individ- och familjeomsorgen", "Kommunstyrelsen, trygghetssamordnaren")),
    CaseText(
        key="ivo-bjorkbacken", title="Svar på IVO:s begäran om yttrande – tillsyn av Björkbackens särskilda boende",
        agenda_title="Yttrande till IVO – tillsyn av Björkbackens särskilda boende", meeting="2026-06-12",
        report_kind="yttrande", registered_on="2026-04-29", author="mas", preparers=("mas", "aldre"),
        signers=("chef", "aldre"), immediate=True,
        proposal=("att anta förvaltningens yttrande som sitt eget och överlämna det till Inspektionen för vård "
                  "och omsorg, samt",
                  "att paragrafen justeras omedelbart."),
        description=(
            "Inspektionen för vård och omsorg (IVO) genomförde den 14 april 2026 en oanmäld inspektion på "
            "Björkbackens särskilda boende. IVO har begärt nämndens yttrande över iakttagelserna senast den "
            "19 juni 2026.\n\n"
            "IVO:s iakttagelser gäller främst brister i dokumentationen av nattfastans längd och i uppföljningen "
            "av genomförandeplaner. Förvaltningen har sedan inspektionen infört en rutin för registrering av "
            "måltider och en checklista för genomförandeplaner. En egenkontroll genomförs i september 2026."),
        social="Åtgärderna ska säkerställa att de boende får en god och säker omvårdnad.",
        economic="Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-05-27.", "IVO:s begäran om yttrande, dnr 3.5.1-12345/2026-4."),
        recipients=("Inspektionen för vård och omsorg", "Enhetschef Björkbacken")),
    CaseText(
        key="delarsrapport", title="Delårsrapport januari–augusti 2026 för socialnämnden", meeting="2026-09-25",
        registered_on="2026-06-15", author="ekonom", preparers=("ekonom", "kvalitet"), signers=("chef", "ekonom"),
        proposal=("att godkänna delårsrapport januari–augusti 2026 för socialnämnden, samt",
                  "att överlämna rapporten till kommunstyrelsen."),
        description=(
            "Nämnden redovisar efter augusti ett underskott på 7,9 mnkr och prognosen för helåret är ett "
            "underskott på 11,5 mnkr. Underskottet finns främst inom individ- och familjeomsorgen, där "
            "kostnaderna för externa placeringar av barn och unga överstiger budget med 9,2 mnkr.\n\n"
            "Hemtjänsten visar en tydlig förbättring jämfört med samma period 2025 och prognostiserar ett "
            "underskott på 2,1 mnkr. Funktionsstöd prognostiserar ett överskott på 3,0 mnkr till följd av "
            "vakanta platser i gruppbostad."),
        social="Rapporten visar att väntetiden till särskilt boende har minskat till i genomsnitt 41 dagar.",
        economic="Prognosen innebär att nämnden inte når en budget i balans 2026.",
        basis=("Tjänsteskrivelse 2026-09-08.", "Delårsrapport januari–augusti 2026."),
        recipients=("Kommunstyrelsen", "Ekonomiavdelningen")),
    CaseText(
        key="sammantradesplan-2027", title="Sammanträdesplan 2027 för socialnämnden och arbetsutskottet",
        meeting="2026-09-25", registered_on="2026-08-17", author="sekreterare", preparers=("sekreterare",),
        signers=("sekreterare",),
        proposal=("att fastställa sammanträdesplan 2027 för socialnämnden och socialnämndens arbetsutskott "
                  "enligt förvaltningens förslag.",),
        description=(
            "Förslaget till sammanträdesplan har anpassats till kommunfullmäktiges och kommunstyrelsens planer "
            "för 2027 så att ärenden som ska vidare till fullmäktige hinner beredas. Nämnden föreslås sammanträda "
            "elva gånger, på fredagar klockan 08.15 i Sessionssalen. Arbetsutskottet sammanträder tisdagen "
            "tio dagar före varje nämndsammanträde."),
        social="Ärendet bedöms inte ha någon påverkan ur ett socialt perspektiv.",
        economic="Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-09-02.",),
        recipients=("Ledamöter och ersättare i socialnämnden", "Kommunkansliet")),
    CaseText(
        key="ej-verkstallda-q3", title="Rapportering av ej verkställda beslut, kvartal 3 2026",
        meeting="2026-10-23", registered_on="2026-10-05", author="kvalitet", preparers=("kvalitet",),
        signers=("chef", "kvalitet"),
        proposal=("att godkänna rapporten om ej verkställda beslut enligt SoL och LSS för kvartal 3 2026, samt",
                  "att överlämna rapporten till kommunfullmäktige och kommunens revisorer."),
        description=(
            "Nämnden ska enligt 16 kap. 6 f § SoL och 28 f § LSS rapportera gynnande beslut som inte har "
            "verkställts inom tre månader till Inspektionen för vård och omsorg. Nämnden ska också lämna en "
            "statistikrapport till kommunfullmäktige.\n\n"
            "Under kvartal 3 rapporterades 9 ej verkställda beslut, varav 5 gällde särskilt boende, 3 bostad med "
            "särskild service enligt LSS och 1 kontaktperson. I samtliga fall har den enskilde erbjudits annan "
            "insats i väntan på verkställighet."),
        social="Långa väntetider påverkar den enskildes livskvalitet och anhörigas situation.",
        economic="Nämnden riskerar särskild avgift om beslut inte verkställs inom skälig tid.",
        basis=("Tjänsteskrivelse 2026-10-07.", "Statistikrapport ej verkställda beslut kvartal 3 2026."),
        recipients=("Kommunfullmäktige", "Kommunens revisorer")),
    CaseText(
        key="internkontroll-uppfoljning", title="Uppföljning av internkontrollplan 2026", meeting="2026-10-23",
        item_kind="information", registered_on="2026-09-14", author="kvalitet", preparers=("kvalitet",),
        signers=("kvalitet",), presenter="kvalitet",
        proposal=("att godkänna informationen och lägga den till handlingarna.",),
        description=(
            "Av de sju kontrollmomenten i internkontrollplan 2026 har fem genomförts. Kontrollen av "
            "utbetalningar av ekonomiskt bistånd visade inga avvikelser. Kontrollen av genomförandeplaner inom "
            "hemtjänsten visade att 82 procent av brukarna har en aktuell plan, mot målet 95 procent.\n\n"
            "De två återstående kontrollerna genomförs i november och redovisas i samband med "
            "verksamhetsberättelsen."),
        social="Uppföljningen bidrar till en rättssäker och trygg verksamhet.",
        economic="Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-10-06.", "Uppföljning internkontroll per september 2026."),
        recipients=("Kommunstyrelsen",)),
    CaseText(
        key="verksamhetsplan-2027", title="Verksamhetsplan med budget 2027 för socialnämnden", meeting="2026-11-27",
        registered_on="2026-06-22", author="ekonom", preparers=("ekonom", "chef"), signers=("chef", "ekonom"),
        proposal=("att anta verksamhetsplan med budget 2027 för socialnämnden, samt",
                  "att uppdra till förvaltningen att ta fram en åtgärdsplan för en budget i balans som redovisas "
                  "vid nämndens sammanträde i februari 2027."),
        description=(
            "Kommunfullmäktige beslutade den 16 november 2026 om en budgetram för socialnämnden på 698,3 mnkr "
            "för 2027, en ökning med 3,8 procent. Ramen är kompenserad för löne- och prisökningar men inte för den "
            "demografiska utvecklingen.\n\n"
            "Antalet invånare över 80 år beräknas öka med 4,5 procent under 2027. Förvaltningen bedömer att "
            "behovet av hemtjänst och särskilt boende ökar i motsvarande grad. För att nå en budget i balans "
            "behöver nämnden därför prioritera insatser och effektivisera verksamheten med cirka 12 mnkr."),
        social="Prioriteringarna kan påverka tillgången till förebyggande insatser.",
        economic="Budgetramen är 698,3 mnkr. Effektiviseringsbehovet uppgår till cirka 12 mnkr.",
        basis=("Tjänsteskrivelse 2026-11-10.", "Verksamhetsplan med budget 2027."),
        recipients=("Kommunstyrelsen", "Ekonomiavdelningen")),
    CaseText(
        key="valfardsteknik", title="Policy för välfärdsteknik inom socialnämndens verksamheter",
        meeting="2026-11-27", registered_on="2026-05-04", author="utredare", preparers=("utredare", "aldre"),
        signers=("chef",),
        proposal=("att anta policy för välfärdsteknik inom socialnämndens verksamheter.",),
        description=(
            "Välfärdsteknik, som digital tillsyn nattetid, läkemedelsautomater och GPS-larm, kan öka den "
            "enskildes självständighet och frigöra tid för omvårdnad. Policyn anger grunderna för hur tekniken "
            "ska användas: den ska bygga på den enskildes samtycke, ersätta fysiska besök endast när det är "
            "förenligt med biståndsbeslutet och följas upp regelbundet.\n\n"
            "Policyn har tagits fram tillsammans med pensionärsrådet och rådet för funktionshinderfrågor."),
        social="Tekniken ska stärka den enskildes integritet och självbestämmande.",
        ecological="Digital tillsyn minskar antalet bilresor nattetid.",
        economic="Införandet finansieras inom ramen för nämndens digitaliseringsmedel.",
        basis=("Tjänsteskrivelse 2026-11-09.", "Policy för välfärdsteknik, förslag 2026-11-02."),
        recipients=("Verksamhetschef vård och omsorg", "Verksamhetschef funktionsstöd",
                    "Pensionärsrådet", "Rådet för funktionshinderfrågor")),
    CaseText(
        key="internkontroll-2027", title="Internkontrollplan 2027 för socialnämnden", meeting="2026-12-11",
        registered_on="2026-10-19", author="kvalitet", preparers=("kvalitet",), signers=("chef", "kvalitet"),
        proposal=("att anta internkontrollplan 2027 för socialnämnden.",),
        description=(
            "Internkontrollplanen för 2027 bygger på en ny risk- och väsentlighetsanalys. Tre kontrollmoment "
            "från 2026 föreslås ligga kvar eftersom uppföljningen visade brister. Nya kontrollmoment gäller "
            "informationssäkerhet vid distansarbete och rutinen för anmälan enligt lex Sarah."),
        social="En fungerande intern kontroll bidrar till en trygg och rättssäker verksamhet.",
        economic="Planen genomförs inom befintlig budgetram.",
        basis=("Tjänsteskrivelse 2026-11-24.", "Internkontrollplan 2027."),
        recipients=("Kommunstyrelsen", "Kommunens revisorer")),
    CaseText(
        key="dataskyddsombud", title="Utseende av dataskyddsombud för socialnämnden", meeting="2026-12-11",
        registered_on="2026-11-02", author="jurist", preparers=("jurist",), signers=("chef", "jurist"),
        proposal=("att utse kommunens dataskyddsombud Johanna Lindh till dataskyddsombud för socialnämnden från "
                  "och med den 1 januari 2027, samt",
                  "att anmäla dataskyddsombudet till Integritetsskyddsmyndigheten."),
        description=(
            "Socialnämnden är personuppgiftsansvarig för behandlingen av personuppgifter i nämndens verksamheter "
            "och ska enligt artikel 37 i dataskyddsförordningen utse ett dataskyddsombud. Nämndens nuvarande "
            "dataskyddsombud avslutar sin anställning vid årsskiftet.\n\n"
            "Kommunstyrelsen har anställt ett gemensamt dataskyddsombud för kommunens nämnder och bolag. "
            "Förvaltningen föreslår att nämnden utser det gemensamma ombudet."),
        social="Ärendet bedöms inte ha någon påverkan ur ett socialt perspektiv.",
        economic="Kostnaden för dataskyddsombudet fördelas mellan nämnderna enligt kommunstyrelsens beslut.",
        basis=("Tjänsteskrivelse 2026-11-23.",),
        recipients=("Integritetsskyddsmyndigheten", "Dataskyddsombudet", "Kommunstyrelsen")),
    CaseText(
        key="lex-sarah-2025", title="Sammanställning av rapporter enligt lex Sarah 2025", meeting="2026-02-27",
        item_kind="information", registered_on="2026-01-19", author="kvalitet", preparers=("kvalitet",),
        signers=("kvalitet",), presenter="kvalitet",
        proposal=("att godkänna informationen och lägga den till handlingarna.",),
        description=(
            "Medarbetare inom socialtjänsten är skyldiga att rapportera missförhållanden och påtagliga risker för "
            "missförhållanden enligt 14 kap. 3 § SoL och 24 b § LSS (lex Sarah). Under 2025 kom 47 rapporter in, "
            "jämfört med 39 året innan. Tre händelser bedömdes som allvarliga och anmäldes till IVO.\n\n"
            "De vanligaste orsakerna var uteblivna insatser i hemtjänsten och brister i bemötande. Ökningen av "
            "antalet rapporter bedöms främst bero på att kunskapen om rapporteringsskyldigheten har ökat."),
        social="Rapporteringen är en del av det systematiska kvalitetsarbetet och ska leda till att brister "
               "rättas till.",
        economic="Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-02-09.", "Sammanställning lex Sarah 2025."),
        recipients=("Socialförvaltningens ledningsgrupp",)),
    CaseText(
        key="brukarundersokning", title="Redovisning av brukarundersökning inom funktionsstöd 2025",
        meeting="2026-03-27", item_kind="information", registered_on="2026-02-09", author="lss",
        preparers=("lss",), signers=("lss",), presenter="lss",
        proposal=("att godkänna informationen och lägga den till handlingarna.",),
        description=(
            "Socialstyrelsens brukarundersökning inom funktionshinderområdet genomfördes under hösten 2025 i "
            "daglig verksamhet och bostad med särskild service. Svarsfrekvensen i Norrvik var 71 procent.\n\n"
            "Resultatet visar att 93 procent trivs i sin bostad och att 88 procent upplever att personalen "
            "bemöter dem på ett bra sätt. Lägst resultat fick frågan om man får bestämma om saker som är "
            "viktiga, där 64 procent svarade ja. Verksamheterna tar fram handlingsplaner för det området."),
        social="Resultatet ger brukarnas egen bild av kvaliteten och används i verksamhetsutvecklingen.",
        economic="Inga ekonomiska konsekvenser.",
        basis=("Tjänsteskrivelse 2026-03-06.", "Presentation – Brukarundersökning funktionsstöd 2025."),
        recipients=("Verksamhetschef funktionsstöd", "Rådet för funktionshinderfrågor")),
    CaseText(
        key="ansvarsfrihet-2025", title="Ansvarsfrihet 2025 socialnämnden – begäran om yttrande",
        meeting="2026-05-29", report_kind="yttrande", report_title="Yttrande över revisionsberättelse 2025",
        registered_on="2026-04-20", author="chef", preparers=("chef", "ekonom"), signers=("chef",),
        proposal=("att anta förvaltningens yttrande som sitt eget och överlämna det till kommunfullmäktiges "
                  "presidieberedning.",),
        description=(
            "Kommunfullmäktiges presidieberedning har begärt yttrande från socialnämnden över revisorernas "
            "anmärkning i revisionsberättelsen för 2025. Revisorerna riktar kritik mot att nämnden inte har "
            "vidtagit tillräckliga åtgärder för att nå en budget i balans.\n\n"
            "Nämnden har under 2025 beslutat om två åtgärdsplaner som sammantaget har minskat kostnaderna med "
            "8,4 mnkr på helårsbasis. Kostnadsökningen för externa placeringar har dock varit större än vad som "
            "gick att förutse. Nämnden har från och med 2026 infört månatlig uppföljning av åtgärdsplanen."),
        social="Ärendet bedöms inte ha någon påverkan ur ett socialt perspektiv.",
        economic="Yttrandet beskriver nämndens arbete för en ekonomi i balans.",
        basis=("Tjänsteskrivelse 2026-05-08.", "Protokollsutdrag kommunfullmäktiges presidieberedning "
               "2026-04-15 § 21.", "Revisionsberättelse för år 2025."),
        recipients=("Kommunfullmäktiges presidieberedning",)),
]

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]

# The nämnd's meetings and the month whose figures each budget follow-up reports.
BUDGET_FOLLOW_UPS = [("2026-02-27", 1), ("2026-03-27", 2), ("2026-04-24", 3), ("2026-05-29", 4),
                     ("2026-06-12", 5), ("2026-08-28", 7), ("2026-09-25", 8), ("2026-10-23", 9),
                     ("2026-11-27", 10), ("2026-12-11", 11)]
# Areas of the budget follow-up with their share of the deviation in the worst month.
BUDGET_AREAS = [("Individ- och familjeomsorg", -0.31), ("Försörjningsstöd", -0.12), ("Hemtjänst", -0.42),
                ("Funktionsstöd", 0.14), ("Särskilt boende", -0.06), ("Stöd och förebyggande", 0.05),
                ("Förvaltningsgemensamt", -0.04)]

# Individual matters decided in closed session; their titles are never shown in public versions.
CONFIDENTIAL_MATTERS = [
    ("lvu-1", "2026-04-24", "Ansökan om vård enligt 2 och 3 §§ LVU", "Beslut enligt LVU"),
    ("lvu-2", "2026-09-25", "Övervägande om fortsatt vård enligt 13 § LVU", "Beslut enligt LVU"),
]
SECRECY_REF = "26 kap. 1 § OSL"
