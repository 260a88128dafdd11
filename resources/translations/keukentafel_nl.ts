<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Keukentafel</source>
        <translation>Over Keukentafel</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <source>Free software under the licence %1.</source>
        <translation>Vrije software onder de licentie %1.</translation>
    </message>
    <message>
        <source>Source code: %1</source>
        <translation>Broncode: %1</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>&amp;Licences of included software…</source>
        <translation>&amp;Licenties van meegeleverde software…</translation>
    </message>
</context>
<context>
    <name>AgreeDialog</name>
    <message>
        <source>Who agreed to the plan?</source>
        <translation>Wie heeft het plan afgesproken?</translation>
    </message>
    <message>
        <source>Tick who of the family agreed to this plan.</source>
        <translation>Vink aan wie van het gezin dit plan heeft afgesproken.</translation>
    </message>
    <message>
        <source>Nobody of the family is on the network map yet: put them on the map first.</source>
        <translation>Er staat nog niemand van het gezin op de netwerkkaart. Zet het gezin eerst op de kaart.</translation>
    </message>
    <message>
        <source>Mark as &amp;agreed</source>
        <translation>Markeren als a&amp;fgesproken</translation>
    </message>
</context>
<context>
    <name>CaseFileController</name>
    <message>
        <source>Change %1</source>
        <translation>%1 wijzigen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 verwijderen</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <source>Views of the case</source>
        <translation>Onderdelen van het dossier</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Overzicht</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <source>Home &amp;visits</source>
        <translation>&amp;Huisbezoeken</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>T&amp;aken</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>Toe&amp;stemming</translation>
    </message>
    <message>
        <source>Time&amp;line</source>
        <translation>Tij&amp;dlijn</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>Choose a case from the list.</source>
        <translation>Kies een dossier uit de lijst.</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Geen dossier open</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Delen…</translation>
    </message>
    <message>
        <source>Share the case with a colleague or the regional safety team</source>
        <translation>Het dossier delen met een collega of het regionaal veiligheidsteam</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Overdragen…</translation>
    </message>
    <message>
        <source>Hand the case over to another contact worker</source>
        <translation>Het dossier overdragen aan een andere vaste contactpersoon</translation>
    </message>
    <message>
        <source>Share the case</source>
        <translation>Dossier delen</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Niet meer delen</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Family</source>
        <translation>Gezin</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Gegevens van het dossier</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicten</translation>
    </message>
    <message>
        <source>Inzage export…</source>
        <translation>Inzage-export…</translation>
    </message>
    <message>
        <source>Everything written down about the family, or about one person, for them</source>
        <translation>Alles wat over het gezin of over één persoon is vastgelegd, voor hen</translation>
    </message>
    <message>
        <source>Anonymous consult…</source>
        <translation>Anoniem consult…</translation>
    </message>
    <message>
        <source>The case without names, for specialists of the regional safety team</source>
        <translation>Het dossier zonder namen, voor specialisten van het regionaal veiligheidsteam</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s) in this case: see the conflict inbox.</source>
        <translation>
            <numerusform>%n open conflict in dit dossier (Ctrl+K)</numerusform>
            <numerusform>%n open conflicten in dit dossier (Ctrl+K)</numerusform>
        </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (te laat)</translation>
    </message>
    <message>
        <source>Contact worker: %1</source>
        <translation>Vaste contactpersoon: %1</translation>
    </message>
    <message>
        <source>Shared with: %1</source>
        <translation>Gedeeld met: %1</translation>
    </message>
    <message>
        <source>Legal framework: %1</source>
        <translation>Juridisch kader: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Next review: %1</source>
        <translation>Volgende evaluatie: %1</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n wijziging nog niet gesynchroniseerd</numerusform>
            <numerusform>%n wijzigingen nog niet gesynchroniseerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Gezin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Volgende evaluatie</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>The team lead returned the safety plan.</source>
        <translation>De teamleider heeft het veiligheidsplan teruggestuurd.</translation>
    </message>
    <message>
        <source>Review overdue since %1</source>
        <translation>Evaluatie te laat sinds %1</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Teruggestuurd</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sinds %1</translation>
    </message>
    <message>
        <source>Youngest in the household: %1.</source>
        <translation>Jongste in het huishouden: %1.</translation>
    </message>
    <message>
        <source>Started on %1.</source>
        <translation>Gestart op %1.</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Search by family or person name</source>
        <translation>Zoek op gezins- of persoonsnaam</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Dossiers zoeken</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>Een dossier zoeken</translation>
    </message>
    <message>
        <source>Which cases</source>
        <translation>Welke dossiers</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filteren op status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sorteren op</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Laatste wijziging</translation>
    </message>
    <message>
        <source>Next review date</source>
        <translation>Volgende evaluatiedatum</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Gezinsnaam</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Too&amp;n</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Sort &amp;by</source>
        <translation>So&amp;rteren op</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alle dossiers</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>Mijn dossiers</translation>
    </message>
    <message>
        <source>Team cases</source>
        <translation>Dossiers van het team</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Met mij gedeeld</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check and create</source>
        <translation>Controleren en aanmaken</translation>
    </message>
    <message>
        <source>What will be created</source>
        <translation>Wat er wordt aangemaakt</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nog niemand</translation>
    </message>
    <message>
        <source>Family: %1
Status: %2
Legal framework: %3
Household: %4</source>
        <translation>Gezin: %1
Status: %2
Juridisch kader: %3
Huishouden: %4</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>The children&apos;s words are not in the plan yet.</source>
        <translation>De woorden van de kinderen staan nog niet in het plan.</translation>
    </message>
</context>
<context>
    <name>ChildrenPanel</name>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Chil&amp;d:</source>
        <translation>K&amp;ind:</translation>
    </message>
    <message>
        <source>Show the child&amp;ren&apos;s version</source>
        <translation>Kinder&amp;versie bekijken</translation>
    </message>
    <message>
        <source>There are no children in this case yet. Put them on the network map: in the household and under 18, or marked as a child the worry is about.</source>
        <translation>Er staan nog geen kinderen in dit dossier. Zet ze op de netwerkkaart: in het huishouden en jonger dan 18, of als kind om wie het gaat.</translation>
    </message>
    <message>
        <source>Write down what the child says, in their own words.</source>
        <translation>Schrijf op wat het kind zegt, in de eigen woorden van het kind.</translation>
    </message>
    <message>
        <source>Three Houses</source>
        <translation>Drie Huizen</translation>
    </message>
    <message>
        <source>The Safety House</source>
        <translation>Het Veilige Huis</translation>
    </message>
    <message>
        <source>Words and Pictures</source>
        <translation>Woorden en plaatjes</translation>
    </message>
    <message>
        <source>The story for the children that the parents agreed to: what happened, and what everyone does now.</source>
        <translation>Het verhaal voor de kinderen waar de ouders mee instemmen: wat er is gebeurd en wat iedereen nu doet.</translation>
    </message>
</context>
<context>
    <name>ChildrenTablePage</name>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>House</source>
        <translation>Huis</translation>
    </message>
    <message>
        <source>The child&apos;s words</source>
        <translation>Wat het kind zegt</translation>
    </message>
    <message>
        <source>Write it down</source>
        <translation>Opschrijven</translation>
    </message>
    <message>
        <source>Write the child&apos;s words down</source>
        <translation>Opschrijven wat het kind zegt</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In je eigen woorden</translation>
    </message>
</context>
<context>
    <name>ChildrenVersion</name>
    <message>
        <source>Other words</source>
        <translation>Andere woorden</translation>
    </message>
    <message>
        <source>This is what worries you.</source>
        <translation>Hier maak je je zorgen over.</translation>
    </message>
    <message>
        <source>This is what goes well.</source>
        <translation>Dit gaat goed.</translation>
    </message>
    <message>
        <source>This is what you wish for.</source>
        <translation>Dit wens je.</translation>
    </message>
    <message>
        <source>With these people you are safe.</source>
        <translation>Bij deze mensen ben je veilig.</translation>
    </message>
    <message>
        <source>These rules keep you safe.</source>
        <translation>Deze regels houden je veilig.</translation>
    </message>
    <message>
        <source>This is how we get there.</source>
        <translation>Zo komen we daar.</translation>
    </message>
    <message>
        <source>You said this too.</source>
        <translation>Dit zei je ook.</translation>
    </message>
    <message>
        <source>What worries you?</source>
        <translation>Waar maak je je zorgen over?</translation>
    </message>
    <message>
        <source>What goes well?</source>
        <translation>Wat gaat er goed?</translation>
    </message>
    <message>
        <source>What do you wish for?</source>
        <translation>Wat wens je?</translation>
    </message>
    <message>
        <source>Who helps you feel safe?</source>
        <translation>Bij wie voel je je veilig?</translation>
    </message>
    <message>
        <source>Which rule keeps you safe?</source>
        <translation>Welke regel houdt je veilig?</translation>
    </message>
    <message>
        <source>What has to happen first?</source>
        <translation>Wat moet er eerst gebeuren?</translation>
    </message>
    <message>
        <source>A child who is no longer in this case</source>
        <translation>Een kind dat niet meer in dit dossier staat</translation>
    </message>
    <message>
        <source>No child chosen</source>
        <translation>Geen kind gekozen</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>These words are kept, but the child they belong to was removed from the case. Choose the child again at the line in the plan.</source>
        <translation>Deze woorden zijn bewaard, maar het kind is uit het dossier gehaald. Kies het kind opnieuw bij de regel in het plan.</translation>
    </message>
    <message>
        <source>No child is chosen for these words. Choose the child at the line in the plan.</source>
        <translation>Bij deze woorden is geen kind gekozen. Kies het kind bij de regel in het plan.</translation>
    </message>
    <message>
        <source>This person is not under 18 in the household, nor marked as a child the worry is about.</source>
        <translation>Deze persoon is geen kind onder 18 in het huishouden en ook geen kind om wie het gaat.</translation>
    </message>
    <message>
        <source>This child is not on the network map.</source>
        <translation>Dit kind staat niet op de netwerkkaart.</translation>
    </message>
    <message>
        <source>In the words of %1</source>
        <translation>In de woorden van %1</translation>
    </message>
    <message>
        <source>Words and Pictures</source>
        <translation>Woorden en plaatjes</translation>
    </message>
    <message>
        <source>What happened, and what everyone does now.</source>
        <translation>Wat er is gebeurd. En wat iedereen nu doet.</translation>
    </message>
    <message>
        <source>It is never your fault.</source>
        <translation>Het is nooit jouw schuld.</translation>
    </message>
</context>
<context>
    <name>ChildrenViewDialog</name>
    <message>
        <source>Children&apos;s version</source>
        <translation>Kinderversie</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <source>Voluntary</source>
        <translation>Vrijwillig</translation>
    </message>
    <message>
        <source>Supervision order (OTS)</source>
        <translation>Ondertoezichtstelling (OTS)</translation>
    </message>
    <message>
        <source>Guardianship</source>
        <translation>Voogdij</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <source>Parenting</source>
        <translation>Opvoeding</translation>
    </message>
    <message>
        <source>Finances</source>
        <translation>Financiën</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Huisvesting</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gezondheid</translation>
    </message>
    <message>
        <source>Addiction</source>
        <translation>Verslaving</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Werk</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Justice</source>
        <translation>Justitie</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Vrouw</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>Non-binair</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Ex-partner</source>
        <translation>Ex-partner</translation>
    </message>
    <message>
        <source>Parent – child</source>
        <translation>Ouder – kind</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Broer of zus</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>Vriend(in)</translation>
    </message>
    <message>
        <source>Neighbour</source>
        <translation>Buur</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>Gewoon</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Zwak</translation>
    </message>
    <message>
        <source>Tense</source>
        <translation>Gespannen</translation>
    </message>
    <message>
        <source>Quarrelling</source>
        <translation>Ruzie</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Geweld</translation>
    </message>
    <message>
        <source>Contact broken off</source>
        <translation>Contact verbroken</translation>
    </message>
    <message>
        <source>No direction</source>
        <translation>Geen richting</translation>
    </message>
    <message>
        <source>From this person</source>
        <translation>Van deze persoon</translation>
    </message>
    <message>
        <source>To this person</source>
        <translation>Naar deze persoon</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>Over en weer</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Afgesproken</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>Teruggestuurd</translation>
    </message>
    <message>
        <source>Immediate safety</source>
        <translation>Directe veiligheid</translation>
    </message>
    <message>
        <source>Lasting safety</source>
        <translation>Duurzame veiligheid</translation>
    </message>
    <message>
        <source>Our biggest worry</source>
        <translation>Onze grootste zorg</translation>
    </message>
    <message>
        <source>Safety condition</source>
        <translation>Veiligheidsvoorwaarde</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Warning sign</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <source>If things go wrong</source>
        <translation>Als het misgaat</translation>
    </message>
    <message>
        <source>Safety network</source>
        <translation>Veiligheidsnetwerk</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>Legal obligation</source>
        <translation>Wettelijke plicht</translation>
    </message>
    <message>
        <source>Vital interest (life or health)</source>
        <translation>Vitaal belang (leven of gezondheid)</translation>
    </message>
    <message>
        <source>In the child&apos;s words</source>
        <translation>In de woorden van het kind</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <source>House of worries</source>
        <translation>Huis van zorgen</translation>
    </message>
    <message>
        <source>House of good things</source>
        <translation>Huis van goede dingen</translation>
    </message>
    <message>
        <source>House of dreams</source>
        <translation>Huis van dromen</translation>
    </message>
    <message>
        <source>Safe people</source>
        <translation>Veilige mensen</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regels</translation>
    </message>
    <message>
        <source>The path</source>
        <translation>Het pad</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>Getrouwd</translation>
    </message>
    <message>
        <source>Living together</source>
        <translation>Samenwonend</translation>
    </message>
    <message>
        <source>Separated</source>
        <translation>Uit elkaar</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>Gescheiden</translation>
    </message>
    <message>
        <source>Adoptive parent – child</source>
        <translation>Adoptieouder – kind</translation>
    </message>
    <message>
        <source>Foster parent – child</source>
        <translation>Pleegouder – kind</translation>
    </message>
    <message>
        <source>Step-parent – child</source>
        <translation>Stiefouder – kind</translation>
    </message>
    <message>
        <source>Half-brother/half-sister</source>
        <translation>Halfbroer/halfzus</translation>
    </message>
    <message>
        <source>Twin</source>
        <translation>Tweeling</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Hecht</translation>
    </message>
    <message>
        <source>Too close</source>
        <translation>Te hecht</translation>
    </message>
    <message>
        <source>Distant</source>
        <translation>Afstandelijk</translation>
    </message>
    <message>
        <source>Hostile</source>
        <translation>Vijandig</translation>
    </message>
    <message>
        <source>Physical abuse</source>
        <translation>Lichamelijke mishandeling</translation>
    </message>
    <message>
        <source>Psychological abuse</source>
        <translation>Psychische mishandeling</translation>
    </message>
    <message>
        <source>Sexual abuse</source>
        <translation>Seksueel misbruik</translation>
    </message>
    <message>
        <source>Neglect</source>
        <translation>Verwaarlozing</translation>
    </message>
    <message>
        <source>Controlling</source>
        <translation>Controlerend</translation>
    </message>
</context>
<context>
    <name>Colleagues</name>
    <message>
        <source>a colleague</source>
        <translation>een collega</translation>
    </message>
    <message>
        <source>a colleague (%1)</source>
        <translation>een collega (%1)</translation>
    </message>
    <message>
        <source>a team (%1)</source>
        <translation>een team (%1)</translation>
    </message>
    <message>
        <source>someone (%1)</source>
        <translation>iemand (%1)</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare versions</source>
        <translation>Versies vergelijken</translation>
    </message>
    <message>
        <source>The parts of the plan compared</source>
        <translation>De delen van het plan vergeleken</translation>
    </message>
    <message>
        <source>&amp;Before</source>
        <translation>&amp;Eerder</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Version %1, %2 on %3</source>
        <translation>Versie %1, %2 op %3</translation>
    </message>
    <message>
        <source>(what you saw; not accepted)</source>
        <translation>(wat je zag; niet aangenomen)</translation>
    </message>
    <message>
        <source>The plan now</source>
        <translation>Het plan nu</translation>
    </message>
    <message>
        <source>Compare the network at two moments</source>
        <translation>Het netwerk op twee momenten vergelijken</translation>
    </message>
    <message>
        <source>Snapshot of %1</source>
        <translation>Momentopname van %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Wat er anders is</translation>
    </message>
    <message>
        <source>The circle of support around the children</source>
        <translation>Wie de kinderen steunt</translation>
    </message>
    <message>
        <source>The later moment on the map, with what changed marked</source>
        <translation>Het latere moment op de kaart, met wat er veranderde erbij</translation>
    </message>
    <message>
        <source>Ecogram</source>
        <translation>Ecogram</translation>
    </message>
    <message>
        <source>Genogram</source>
        <translation>Genogram</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Tot</translation>
    </message>
    <message>
        <source>&amp;Drawing</source>
        <translation>Te&amp;kening</translation>
    </message>
    <message>
        <source>Home visit %1</source>
        <translation>Huisbezoek %1</translation>
    </message>
    <message>
        <source>A snapshot could not be read (it may come from a newer version); it counts as empty.</source>
        <translation>Een momentopname kon niet worden gelezen (misschien komt hij van een nieuwere versie); hij telt als leeg.</translation>
    </message>
    <message>
        <source>Nothing changed between these two moments.</source>
        <translation>Er is niets veranderd tussen deze twee momenten.</translation>
    </message>
    <message>
        <source>No child is marked as the one the worry is about and nobody lives in the household, so there is no circle to count.</source>
        <translation>Er is geen kind om wie het gaat aangevinkt en niemand woont in het huishouden: er valt niet te tellen wie steunt.</translation>
    </message>
    <message numerus="yes">
        <source>The circle around the children has grown: %1 → %n person(s)</source>
        <translation>
            <numerusform>Meer mensen steunen de kinderen: %1 → %n</numerusform>
            <numerusform>Meer mensen steunen de kinderen: %1 → %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The circle around the household has grown: %1 → %n person(s)</source>
        <translation>
            <numerusform>Meer mensen steunen het huishouden: %1 → %n</numerusform>
            <numerusform>Meer mensen steunen het huishouden: %1 → %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The circle around the children has become smaller: %1 → %n person(s)</source>
        <translation>
            <numerusform>Minder mensen steunen de kinderen: %1 → %n</numerusform>
            <numerusform>Minder mensen steunen de kinderen: %1 → %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The circle around the household has become smaller: %1 → %n person(s)</source>
        <translation>
            <numerusform>Minder mensen steunen het huishouden: %1 → %n</numerusform>
            <numerusform>Minder mensen steunen het huishouden: %1 → %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The circle around the children has stayed the same: %n person(s)</source>
        <translation>
            <numerusform>Even veel mensen steunen de kinderen: %n</numerusform>
            <numerusform>Even veel mensen steunen de kinderen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The circle around the household has stayed the same: %n person(s)</source>
        <translation>
            <numerusform>Even veel mensen steunen het huishouden: %n</numerusform>
            <numerusform>Even veel mensen steunen het huishouden: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Joined the circle: %1</source>
        <translation>Erbij als steun: %1</translation>
    </message>
    <message>
        <source>No longer in the circle: %1</source>
        <translation>Niet meer als steun: %1</translation>
    </message>
    <message>
        <source>%1 has joined the network</source>
        <translation>%1 is erbij gekomen</translation>
    </message>
    <message>
        <source>%1 is no longer in the network</source>
        <translation>%1 hoort niet meer bij het netwerk</translation>
    </message>
    <message>
        <source>New tie: %1 – %2 (%3)</source>
        <translation>Nieuwe band: %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Tie ended: %1 – %2 (%3)</source>
        <translation>Band beëindigd: %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>%1 – %2: %3 was %4, is now %5</source>
        <translation>%1 – %2: %3 was %4, is nu %5</translation>
    </message>
</context>
<context>
    <name>CompareScene</name>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>veranderd</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Part</source>
        <translation>Deel</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Eerder</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(veranderd)</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>you</source>
        <translation>jou</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Kept (by)</source>
        <translation>Op de dienst (van)</translation>
    </message>
    <message>
        <source>Came in (from)</source>
        <translation>Andere versie (van)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>deleted on one side</source>
        <translation>aan één kant verwijderd</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicten</translation>
    </message>
    <message>
        <source>There are no open conflicts.</source>
        <translation>Er zijn geen open conflicten.</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Oplossen…</translation>
    </message>
    <message>
        <source>Resolve the selected conflict</source>
        <translation>Het gekozen conflict oplossen</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Sluiten</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>&amp;Add consent</source>
        <translation>Toestemming &amp;toevoegen</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Toestemmingen</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <source>family</source>
        <translation>gezin</translation>
    </message>
    <message>
        <source>[phone number]</source>
        <translation>[telefoonnummer]</translation>
    </message>
    <message>
        <source>[birth date]</source>
        <translation>[geboortedatum]</translation>
    </message>
    <message>
        <source>[postcode]</source>
        <translation>[postcode]</translation>
    </message>
    <message>
        <source>[address]</source>
        <translation>[adres]</translation>
    </message>
    <message>
        <source>[organisation]</source>
        <translation>[organisatie]</translation>
    </message>
    <message>
        <source>[redacted]</source>
        <translation>[weggelakt]</translation>
    </message>
    <message>
        <source>the worker</source>
        <translation>de vaste contactpersoon</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>een collega</translation>
    </message>
    <message>
        <source>the local team</source>
        <translation>het wijkteam</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>deze laptop</translation>
    </message>
    <message>
        <source>the service</source>
        <translation>de dienst</translation>
    </message>
    <message>
        <source>another laptop</source>
        <translation>een andere laptop</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 gegevens</translation>
    </message>
    <message>
        <source>This log holds what was recorded on this laptop, on other laptops and by the service.</source>
        <translation>In dit overzicht staat wat op deze laptop, op andere laptops en door de dienst is vastgelegd.</translation>
    </message>
    <message>
        <source>This log holds only what was recorded on this laptop: the laptop is not connected to the service.</source>
        <translation>In dit overzicht staat alleen wat op deze laptop is vastgelegd. De laptop is niet gekoppeld aan de dienst.</translation>
    </message>
    <message>
        <source>This log holds only what was recorded on this laptop: the service could not be reached. What happened on other laptops is missing.</source>
        <translation>In dit overzicht staat alleen wat op deze laptop is vastgelegd. De dienst was niet bereikbaar. Wat op andere laptops gebeurde, ontbreekt.</translation>
    </message>
    <message>
        <source>This log holds only what was recorded on this laptop: the service did not give its part. What happened on other laptops is missing.</source>
        <translation>In dit overzicht staat alleen wat op deze laptop is vastgelegd. De dienst gaf zijn deel niet. Wat op andere laptops gebeurde, ontbreekt.</translation>
    </message>
    <message>
        <source>This log holds only what was recorded on this laptop.</source>
        <translation>In dit overzicht staat alleen wat op deze laptop is vastgelegd.</translation>
    </message>
    <message>
        <source>Inzage for %1</source>
        <translation>Inzage voor %1</translation>
    </message>
    <message>
        <source>Inzage: everything we wrote down about your family</source>
        <translation>Inzage: alles wat we over jullie gezin hebben vastgelegd</translation>
    </message>
    <message>
        <source>Anonymous consult</source>
        <translation>Anoniem consult</translation>
    </message>
    <message>
        <source>Made on %1.</source>
        <translation>Gemaakt op %1.</translation>
    </message>
    <message>
        <source>Why we write this down</source>
        <translation>Waarom we dit vastleggen</translation>
    </message>
    <message>
        <source>We write this down to help your family and to keep the children safe. We use it to make agreements with you. We use it to see how things are going. And we use it to arrange help.</source>
        <translation>We leggen dit vast om jullie gezin te helpen en de kinderen veilig te houden. We gebruiken het om afspraken met jullie te maken. We gebruiken het om te zien hoe het gaat. En we gebruiken het om hulp te regelen.</translation>
    </message>
    <message>
        <source>What we write down</source>
        <translation>Wat we vastleggen</translation>
    </message>
    <message>
        <source>Names, dates of birth and phone numbers. Who belongs to the family and the network. Notes of home visits. The safety plan and its versions. Your numbers on the scale. Tasks. What you agreed may be shared.</source>
        <translation>Namen, geboortedata en telefoonnummers. Wie bij het gezin en het netwerk hoort. Verslagen van huisbezoeken. Het veiligheidsplan en de versies ervan. Jullie cijfers op de schaalvraag. Taken. Wat jullie goed vinden om te delen.</translation>
    </message>
    <message>
        <source>Who sees it</source>
        <translation>Wie het ziet</translation>
    </message>
    <message>
        <source>Your contact worker and the team leader of the local team. Colleagues the file is shared with. The regional safety team, only when that is needed. Others only with your consent, or when the law says so.</source>
        <translation>Je vaste contactpersoon en de teamleider van het wijkteam. Collega&apos;s met wie het dossier is gedeeld. Het regionaal veiligheidsteam, alleen als dat nodig is. Anderen alleen als jullie toestemming geven, of als de wet het zegt.</translation>
    </message>
    <message>
        <source>How long we keep it</source>
        <translation>Hoe lang we het bewaren</translation>
    </message>
    <message>
        <source>We keep the file for 20 years after the help has ended. Then we delete it.</source>
        <translation>We bewaren het dossier 20 jaar nadat de hulp is gestopt. Daarna wissen we het.</translation>
    </message>
    <message>
        <source>Your rights</source>
        <translation>Jullie rechten</translation>
    </message>
    <message>
        <source>You may read everything we wrote down about you. Is something wrong? Then you may ask us to correct it. You may ask us to delete it. You may object to what we do with it. Do you disagree with how we handle your data? Then you can complain to the Autoriteit Persoonsgegevens. You do not have to pay for this inzage.</source>
        <translation>Je mag alles lezen wat we over je hebben vastgelegd. Klopt er iets niet? Dan mag je vragen om het te verbeteren. Je mag vragen om het te verwijderen. Je mag bezwaar maken tegen wat we ermee doen. Ben je het niet eens met hoe we met je gegevens omgaan? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens. Deze inzage is gratis.</translation>
    </message>
    <message>
        <source>Where it comes from</source>
        <translation>Waar het vandaan komt</translation>
    </message>
    <message>
        <source>From you, from people in your network, and from professionals we work with, such as the school or the doctor.</source>
        <translation>Van jullie zelf, van mensen uit jullie netwerk en van professionals met wie we samenwerken, zoals de school of de huisarts.</translation>
    </message>
    <message>
        <source>This overview is for %1. What is about other people is left out, or their name is replaced by their role, such as [father].</source>
        <translation>Dit overzicht is voor %1. Wat over andere mensen gaat, is weggelaten. Of hun naam is vervangen door hun rol, zoals [vader].</translation>
    </message>
    <message>
        <source>Without names: people are their role and age. Phone numbers, addresses, dates of birth and names of organisations are left out. All dates are moved by the same number of days.</source>
        <translation>Zonder namen: mensen staan er met hun rol en leeftijd. Telefoonnummers, adressen, geboortedata en namen van organisaties zijn weggelaten. Alle data zijn met hetzelfde aantal dagen verschoven.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Het dossier</translation>
    </message>
    <message>
        <source>Timeline: what changed</source>
        <translation>Tijdlijn: wat er veranderde</translation>
    </message>
    <message>
        <source>Log: who read, changed, exported or printed</source>
        <translation>Logboek: wie het las, veranderde, exporteerde of afdrukte</translation>
    </message>
    <message>
        <source>Network map</source>
        <translation>Netwerkkaart</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>On behalf of</source>
        <translation>Namens</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Vastgelegd op</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Velden</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>geopend</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelezen</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>veranderd</translation>
    </message>
    <message>
        <source>searched</source>
        <translation>gezocht</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>geëxporteerd</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>afgedrukt</translation>
    </message>
    <message>
        <source>synchronised</source>
        <translation>gesynchroniseerd</translation>
    </message>
    <message>
        <source>conflict decided</source>
        <translation>conflict beslist</translation>
    </message>
    <message>
        <source>removed from this laptop</source>
        <translation>van deze laptop gehaald</translation>
    </message>
    <message>
        <source>added</source>
        <translation>toegevoegd</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>sent to a laptop</source>
        <translation>naar een laptop gestuurd</translation>
    </message>
    <message>
        <source>conflict sent to a laptop</source>
        <translation>conflict naar een laptop gestuurd</translation>
    </message>
    <message>
        <source>taken off a laptop</source>
        <translation>van een laptop gehaald</translation>
    </message>
    <message>
        <source>change refused</source>
        <translation>wijziging geweigerd</translation>
    </message>
    <message>
        <source>sent again</source>
        <translation>opnieuw gestuurd</translation>
    </message>
    <message>
        <source>decision refused</source>
        <translation>keuze geweigerd</translation>
    </message>
    <message>
        <source>log read</source>
        <translation>overzicht bekeken</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Inzage export</source>
        <translation>Inzage-export</translation>
    </message>
    <message>
        <source>Anonymous consult</source>
        <translation>Anoniem consult</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Voor wie</translation>
    </message>
    <message>
        <source>The whole case</source>
        <translation>Het hele dossier</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Soort bestand</translation>
    </message>
    <message>
        <source>PDF, to read and print</source>
        <translation>Pdf, om te lezen en af te drukken</translation>
    </message>
    <message>
        <source>JSON, for another system</source>
        <translation>JSON, voor een ander systeem</translation>
    </message>
    <message>
        <source>This is exactly what will be saved. Select text and choose Redact to hide it everywhere. Untick a part to leave it out.</source>
        <translation>Dit is precies wat wordt opgeslagen. Selecteer tekst en kies Weglakken om die overal te verbergen. Vink een onderdeel uit om het weg te laten.</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Weglakken</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>inzage</source>
        <translation>inzage</translation>
    </message>
    <message>
        <source>anonymous-consult</source>
        <translation>anoniem-consult</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Export opslaan</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Pdf-document (*.pdf)</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON-bestand (*.json)</translation>
    </message>
    <message>
        <source>The file could not be saved there. Nothing was written. Choose another place.</source>
        <translation>Het bestand kon daar niet worden opgeslagen. Er is niets geschreven. Kies een andere plek.</translation>
    </message>
    <message>
        <source>The export could not be recorded in the log, so it was not saved. Try again.</source>
        <translation>De export kon niet in het logboek worden gezet. Daarom is hij niet opgeslagen. Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with the team&apos;s service</source>
        <translation>Koppelen met de dienst van het team</translation>
    </message>
    <message>
        <source>Service &amp;address</source>
        <translation>&amp;Adres van de dienst</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Wachtw&amp;oord</translation>
    </message>
    <message>
        <source>&amp;Name of this laptop</source>
        <translation>&amp;Naam van deze laptop</translation>
    </message>
    <message>
        <source>Fill in the service address, starting with https://.</source>
        <translation>Vul het adres van de dienst in, beginnend met https://.</translation>
    </message>
    <message>
        <source>Fill in your username and password for the service.</source>
        <translation>Vul je gebruikersnaam en wachtwoord voor de dienst in.</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The service cannot be reached. Your work is saved on this laptop.</source>
        <translation>De dienst is nu niet bereikbaar. Je werk staat veilig op deze laptop. Keukentafel probeert het later opnieuw.</translation>
    </message>
    <message>
        <source>That passphrase is not right. Try again.</source>
        <translation>Deze wachtwoordzin klopt niet. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>There is no store on this laptop yet.</source>
        <translation>Er staat nog geen gegevensopslag op deze laptop.</translation>
    </message>
    <message>
        <source>There already is a store on this laptop.</source>
        <translation>Er staat al een gegevensopslag op deze laptop.</translation>
    </message>
    <message>
        <source>The store on this laptop is damaged. Ask your administrator.</source>
        <translation>De gegevensopslag op deze laptop is beschadigd. Wat al verzonden is, staat veilig op de dienst. Vraag je beheerder om hulp.</translation>
    </message>
    <message>
        <source>The key of the store cannot be found. Ask your administrator.</source>
        <translation>De sleutel van de gegevensopslag is niet te vinden. Wat al verzonden is, staat veilig op de dienst. Vraag je beheerder om hulp.</translation>
    </message>
    <message>
        <source>The window is locked.</source>
        <translation>Het venster is vergrendeld.</translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation>Dit onderdeel bestaat niet meer.</translation>
    </message>
    <message>
        <source>This laptop has been removed from the team&apos;s service. Its data has been erased from this laptop; nothing was lost on the service.</source>
        <translation>Deze laptop is losgekoppeld van de dienst van het team. De gegevens zijn van deze laptop gewist; op de dienst is niets verloren gegaan.</translation>
    </message>
    <message>
        <source>The service no longer accepts this laptop&apos;s sign-in. Enrol again to keep syncing.</source>
        <translation>De dienst herkent deze laptop niet meer. Je werk staat veilig. Koppel de laptop opnieuw.</translation>
    </message>
    <message>
        <source>This laptop is not enrolled with the team&apos;s service yet.</source>
        <translation>Deze laptop is nog niet gekoppeld met de dienst van het team.</translation>
    </message>
    <message>
        <source>This laptop holds another worker&apos;s cases. Enrol with that worker&apos;s account.</source>
        <translation>Op deze laptop staan dossiers van een andere medewerker. Koppel met het account van die medewerker.</translation>
    </message>
    <message>
        <source>Something went wrong. Your saved work is safe; try again.</source>
        <translation>Er ging iets mis. Je bewaarde werk is veilig; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Your work is safe</source>
        <translation>Je werk staat veilig</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <source>The family</source>
        <translation>Het gezin</translation>
    </message>
    <message>
        <source>Give the case the family&apos;s name; you can change it later.</source>
        <translation>Geef het dossier de naam van het gezin; je kunt die later nog veranderen.</translation>
    </message>
    <message>
        <source>for example: Family De Vries</source>
        <translation>bijvoorbeeld: Gezin De Vries</translation>
    </message>
    <message>
        <source>Your team</source>
        <translation>Je team</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>This laptop (not yet enrolled with a team)</source>
        <translation>Deze laptop (nog niet aangemeld bij een team)</translation>
    </message>
</context>
<context>
    <name>FamilyPaper</name>
    <message>
        <source>Save the plan for the family</source>
        <translation>Plan voor het gezin bewaren</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Pdf-document (*.pdf)</translation>
    </message>
    <message>
        <source>plan-for-the-family.pdf</source>
        <translation>plan-voor-het-gezin.pdf</translation>
    </message>
    <message>
        <source>Print the plan for the family</source>
        <translation>Plan voor het gezin afdrukken</translation>
    </message>
</context>
<context>
    <name>FamilyPlan</name>
    <message>
        <source>Our safety plan</source>
        <translation>Ons veiligheidsplan</translation>
    </message>
    <message>
        <source>What has happened</source>
        <translation>Wat er is gebeurd</translation>
    </message>
    <message>
        <source>What we are worried about</source>
        <translation>Waar we ons zorgen over maken</translation>
    </message>
    <message>
        <source>What we want to see instead</source>
        <translation>Wat we in plaats daarvan willen zien</translation>
    </message>
    <message>
        <source>What is already going well</source>
        <translation>Wat al goed gaat</translation>
    </message>
    <message>
        <source>What makes it harder</source>
        <translation>Wat het moeilijker maakt</translation>
    </message>
    <message>
        <source>What must happen at the least</source>
        <translation>Wat er minimaal moet gebeuren</translation>
    </message>
    <message>
        <source>Who does what, when</source>
        <translation>Wie doet wat, wanneer</translation>
    </message>
    <message>
        <source>How we notice that it goes wrong</source>
        <translation>Hoe we merken dat het misgaat</translation>
    </message>
    <message>
        <source>Who helps</source>
        <translation>Wie helpt</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Wat we nu gaan doen</translation>
    </message>
    <message>
        <source>We agree to this plan</source>
        <translation>We zijn het eens met dit plan</translation>
    </message>
    <message>
        <source>When it goes wrong</source>
        <translation>Als het misgaat</translation>
    </message>
    <message>
        <source>For the children</source>
        <translation>Voor de kinderen</translation>
    </message>
    <message>
        <source>How the family sees it: %1</source>
        <translation>Zo ziet het gezin het: %1</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Gesteld door %1</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Wanneer: %1</translation>
    </message>
    <message>
        <source>How we see that it happens: %1</source>
        <translation>Hoe we zien dat het gebeurt: %1</translation>
    </message>
    <message>
        <source>If it does not happen: %1</source>
        <translation>Als het niet lukt: %1</translation>
    </message>
    <message>
        <source>Who: %1</source>
        <translation>Wie: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefoon: %1</translation>
    </message>
    <message>
        <source>Danger now? Call 112.</source>
        <translation>Is er nu gevaar? Bel 112.</translation>
    </message>
    <message>
        <source>Worried, or need advice? Call Veilig Thuis: 0800-2000 (free, day and night).</source>
        <translation>Maak je je zorgen, of wil je advies? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).</translation>
    </message>
    <message>
        <source>We look at the plan together again on %1.</source>
        <translation>Op %1 kijken we samen opnieuw naar het plan.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Handtekening</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Agreed on %1</source>
        <translation>Afgesproken op %1</translation>
    </message>
    <message>
        <source>Plan for the family · version %1 · %2 · page %3 of %4</source>
        <translation>Plan voor het gezin · versie %1 · %2 · pagina %3 van %4</translation>
    </message>
    <message>
        <source>For the children · version %1 · %2 · page %3 of %4</source>
        <translation>Voor de kinderen · versie %1 · %2 · pagina %3 van %4</translation>
    </message>
</context>
<context>
    <name>FamilyViewBox</name>
    <message>
        <source>What do you say about this? Write it here.</source>
        <translation>Wat zeggen jullie hierover? Schrijf het hier.</translation>
    </message>
    <message>
        <source>Your words on this worry</source>
        <translation>Jullie woorden bij deze zorg</translation>
    </message>
    <message>
        <source>Save your words</source>
        <translation>Woorden bewaren</translation>
    </message>
    <message>
        <source>Save your words on this worry</source>
        <translation>Jullie woorden bij deze zorg bewaren</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>(not in this list)</source>
        <translation>(niet in deze lijst)</translation>
    </message>
    <message>
        <source>%1 cannot be empty. What was there is back.</source>
        <translation>%1 mag niet leeg zijn. Wat er stond, staat er weer.</translation>
    </message>
    <message>
        <source>This field</source>
        <translation>Dit veld</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Choose a date in the calendar</source>
        <translation>Kies een datum in de kalender</translation>
    </message>
    <message>
        <source>%1 is not a date. The date has not changed; type it as, for example, 24-03-2026.</source>
        <translation>%1 is geen datum. De datum is niet veranderd. Typ hem zo: 24-03-2026.</translation>
    </message>
    <message>
        <source>%1 is still to come, so it cannot be a date of birth. The date has not changed.</source>
        <translation>%1 ligt in de toekomst en kan dus geen geboortedatum zijn. De datum is niet veranderd.</translation>
    </message>
    <message>
        <source>%1 is not on the scale: choose a number from %2 to %3. The number has not changed.</source>
        <translation>%1 staat niet op de schaal. Kies een getal van %2 tot en met %3. Het getal is niet veranderd.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Family name</source>
        <translation>Gezinsnaam</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Contact worker</source>
        <translation>Vaste contactpersoon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Legal framework</source>
        <translation>Juridisch kader</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Leefgebieden</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Gestart op</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Afgesloten op</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Overleden</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Aantekeningen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Regional safety team involved</source>
        <translation>Regionaal veiligheidsteam betrokken</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezigen</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Shared with the family</source>
        <translation>Gedeeld met het gezin</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observaties</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Uiterlijk op</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Toegewezen aan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Purpose (what may be shared with whom)</source>
        <translation>Doel (wat met wie gedeeld mag worden)</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Gegeven op</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Ingetrokken op</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Grondslag</translation>
    </message>
    <message>
        <source>Score (0–10)</source>
        <translation>Cijfer (0–10)</translation>
    </message>
    <message>
        <source>Bond</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Volgende evaluatie</translation>
    </message>
    <message>
        <source>Part of the plan</source>
        <translation>Deel van het plan</translation>
    </message>
    <message>
        <source>How we see that it happens</source>
        <translation>Hoe we zien dat het gebeurt</translation>
    </message>
    <message>
        <source>Point in the plan</source>
        <translation>Punt in het plan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Gedeeld met</translation>
    </message>
    <message>
        <source>Place on the map</source>
        <translation>Plek op de kaart</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <source>Kind of relationship</source>
        <translation>Soort relatie</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Steun</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>What has happened</source>
        <translation>Wat er is gebeurd</translation>
    </message>
    <message>
        <source>Worries</source>
        <translation>Zorgen</translation>
    </message>
    <message>
        <source>Complicating factors</source>
        <translation>Wat het moeilijker maakt</translation>
    </message>
    <message>
        <source>What is working well</source>
        <translation>Wat goed gaat</translation>
    </message>
    <message>
        <source>Version for the children</source>
        <translation>Versie voor de kinderen</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Afgesproken op</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>Afgesproken door</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Opmerking bij de beoordeling</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Beoordeeld door</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>Beoordeeld op</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Veiligheidsplan</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Safety goal</source>
        <translation>Veiligheidsdoel</translation>
    </message>
    <message>
        <source>The family&apos;s view</source>
        <translation>Hoe het gezin het ziet</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Gesteld door</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What happens if it is not kept</source>
        <translation>Wat er gebeurt als de afspraak niet lukt</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Volgorde</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Deel</translation>
    </message>
    <message>
        <source>Meets the conditions</source>
        <translation>Voldoet aan de voorwaarden</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Comments per part</source>
        <translation>Opmerkingen per deel</translation>
    </message>
    <message>
        <source>What the team lead saw</source>
        <translation>Wat de teamleider zag</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>Gebaseerd op</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Besloten door</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Besloten op</translation>
    </message>
    <message>
        <source>Child the worry is about</source>
        <translation>Kind om wie het gaat</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Place on the ecogram</source>
        <translation>Plaats op het ecogram</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>According to</source>
        <translation>Volgens</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>Gemaakt op</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Taak</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Keukentafel</source>
        <translation>Welkom bij Keukentafel</translation>
    </message>
    <message>
        <source>Choose a passphrase. You need it every time you open Keukentafel and after the window locks. Several ordinary words in a row are easy to remember and hard to guess.</source>
        <translation>Kies een wachtwoordzin. Je hebt die nodig telkens als je Keukentafel opent en nadat het venster is vergrendeld. Een paar gewone woorden achter elkaar zijn makkelijk te onthouden en moeilijk te raden.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Herhaal wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Sterkte van de wachtwoordzin</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>&amp;Herhaal wachtwoordzin</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Sterkte</translation>
    </message>
    <message>
        <source>&amp;Enrol with the team&apos;s service (optional)</source>
        <translation>&amp;Koppelen met de dienst van het team (niet verplicht)</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Adres van de dienst</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Name of this laptop</source>
        <translation>Naam van deze laptop</translation>
    </message>
    <message>
        <source>Service &amp;address</source>
        <translation>&amp;Adres van de dienst</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Wachtw&amp;oord</translation>
    </message>
    <message>
        <source>&amp;Name of this laptop</source>
        <translation>&amp;Naam van deze laptop</translation>
    </message>
    <message>
        <source>S&amp;how passphrase</source>
        <translation>Wachtwoordzin &amp;tonen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Beginnen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Te kort: gebruik minstens %n teken.</numerusform>
            <numerusform>Te kort: gebruik minstens %n tekens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add a few more words.</source>
        <translation>Zwak: voeg nog een paar woorden toe.</translation>
    </message>
    <message>
        <source>Fair: one or two more words make it strong.</source>
        <translation>Redelijk: met één of twee woorden meer wordt hij sterk.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Sterk.</translation>
    </message>
    <message>
        <source>Very strong.</source>
        <translation>Zeer sterk.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>De twee wachtwoordzinnen zijn nog niet gelijk.</translation>
    </message>
    <message>
        <source>Choose a stronger passphrase: %1</source>
        <translation>Kies een sterkere wachtwoordzin: %1</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De twee wachtwoordzinnen zijn niet gelijk.</translation>
    </message>
    <message>
        <source>Fill in the service address, starting with https://.</source>
        <translation>Vul het adres van de dienst in, beginnend met https://.</translation>
    </message>
    <message>
        <source>Fill in your username and password for the service.</source>
        <translation>Vul je gebruikersnaam en wachtwoord voor de dienst in.</translation>
    </message>
    <message>
        <source>Give this laptop a name.</source>
        <translation>Geef deze laptop een naam.</translation>
    </message>
    <message>
        <source>Creating the encrypted store…</source>
        <translation>De versleutelde gegevensopslag wordt gemaakt…</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over the case</source>
        <translation>Dossier overdragen</translation>
    </message>
    <message>
        <source>Hand %1 over to another contact worker</source>
        <translation>%1 overdragen aan een andere vaste contactpersoon</translation>
    </message>
    <message>
        <source>New contact worker</source>
        <translation>Nieuwe vaste contactpersoon</translation>
    </message>
    <message>
        <source>Hand-over note</source>
        <translation>Overdrachtsnotitie</translation>
    </message>
    <message>
        <source>What does your colleague need to know? Agreements, worries, the next step.</source>
        <translation>Wat moet je collega weten? Afspraken, zorgen, de volgende stap.</translation>
    </message>
    <message>
        <source>After the hand-over your colleague is the contact worker. Your changes that are not yet sent go with the next sync; then the case may leave this laptop.</source>
        <translation>Na de overdracht is je collega de vaste contactpersoon. Wat nog wacht op verzending, gaat mee bij het volgende synchroniseren. Daarna kan het dossier van deze laptop verdwijnen.</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Overdragen</translation>
    </message>
    <message>
        <source>Hand-over: %1</source>
        <translation>Overdracht: %1</translation>
    </message>
</context>
<context>
    <name>HouseholdModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>The household</source>
        <translation>Het huishouden</translation>
    </message>
    <message>
        <source>Who lives in the household? Adults and children, of every age. Family, network and professionals can follow later.</source>
        <translation>Wie wonen er in het huishouden? Volwassenen en kinderen, van elke leeftijd. Familie, netwerk en professionals kunnen later volgen.</translation>
    </message>
    <message>
        <source>for example: mother, son</source>
        <translation>bijvoorbeeld: moeder, zoon</translation>
    </message>
    <message>
        <source>&amp;Add to household</source>
        <translation>&amp;Toevoegen aan huishouden</translation>
    </message>
    <message>
        <source>&amp;Remove from household</source>
        <translation>&amp;Verwijderen uit huishouden</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Huishouden</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Veiligheidsplan</translation>
    </message>
    <message>
        <source>Point in the plan</source>
        <translation>Punt in het plan</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <source>Scaling score</source>
        <translation>Cijfer</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Taak</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>Plan version</source>
        <translation>Versie van het plan</translation>
    </message>
    <message>
        <source>Snapshot of the network map</source>
        <translation>Momentopname van de netwerkkaart</translation>
    </message>
</context>
<context>
    <name>KitchenTable</name>
    <message>
        <source>Family</source>
        <translation>Gezin</translation>
    </message>
    <message>
        <source>Back to the work screen</source>
        <translation>Terug naar werkscherm</translation>
    </message>
    <message>
        <source>Parts of the plan</source>
        <translation>Delen van het plan</translation>
    </message>
    <message>
        <source>Our plan</source>
        <translation>Ons plan</translation>
    </message>
    <message>
        <source>For the children</source>
        <translation>Voor de kinderen</translation>
    </message>
    <message>
        <source>Around us</source>
        <translation>Om ons heen</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Bezoeken</translation>
    </message>
    <message>
        <source>How safe is it</source>
        <translation>Hoe veilig is het</translation>
    </message>
    <message>
        <source>What we worry about, and what we want</source>
        <translation>Waar we ons zorgen over maken, en wat we willen</translation>
    </message>
    <message>
        <source>What must happen at the least</source>
        <translation>Wat er in ieder geval moet gebeuren</translation>
    </message>
    <message>
        <source>What we agree: who does what, and when</source>
        <translation>Wat we afspreken: wie doet wat, en wanneer</translation>
    </message>
    <message>
        <source>How we notice that it goes wrong</source>
        <translation>Zo merken we dat het misgaat</translation>
    </message>
    <message>
        <source>When it goes wrong</source>
        <translation>Als het misgaat</translation>
    </message>
    <message>
        <source>Who helps</source>
        <translation>Wie helpt</translation>
    </message>
    <message>
        <source>What we do next</source>
        <translation>Wat we hierna doen</translation>
    </message>
    <message>
        <source>What has happened</source>
        <translation>Wat er is gebeurd</translation>
    </message>
    <message>
        <source>What we are afraid of</source>
        <translation>Waar we bang voor zijn</translation>
    </message>
    <message>
        <source>What makes it harder</source>
        <translation>Wat het moeilijker maakt</translation>
    </message>
    <message>
        <source>What goes well</source>
        <translation>Wat goed gaat</translation>
    </message>
    <message>
        <source>What we want: %1</source>
        <translation>Wat we willen: %1</translation>
    </message>
    <message>
        <source>What you say about it:</source>
        <translation>Wat jullie erover zeggen:</translation>
    </message>
    <message>
        <source>If it does not work out: %1</source>
        <translation>Als het niet lukt: %1</translation>
    </message>
    <message>
        <source>written together with the family</source>
        <translation>samen met het gezin geschreven</translation>
    </message>
</context>
<context>
    <name>LeavePanel</name>
    <message>
        <source>&amp;Passphrase to go back to the work screen:</source>
        <translation>&amp;Wachtwoordzin om terug te gaan naar het werkscherm:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Back to the work screen</source>
        <translation>Terug naar werkscherm</translation>
    </message>
    <message>
        <source>Stay at the table</source>
        <translation>Aan tafel blijven</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Typ je wachtwoordzin.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <source>That is not your passphrase.</source>
        <translation>Dat is niet je wachtwoordzin.</translation>
    </message>
    <message>
        <source>The passphrase could not be checked. Try again.</source>
        <translation>De wachtwoordzin kon niet worden gecontroleerd. Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <source>Licences</source>
        <translation>Licenties</translation>
    </message>
    <message>
        <source>Licences of the included software</source>
        <translation>Licenties van de meegeleverde software</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nieuw dossier</translation>
    </message>
    <message>
        <source>Start a new case with its household</source>
        <translation>Een nieuw dossier beginnen, met het huishouden</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>Sync with the team&apos;s service now</source>
        <translation>Nu synchroniseren met de dienst van het team</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflicten</translation>
    </message>
    <message>
        <source>Show the conflicts that need a decision</source>
        <translation>De conflicten tonen die een beslissing nodig hebben</translation>
    </message>
    <message>
        <source>&amp;Unsent changes</source>
        <translation>&amp;Niet verzonden wijzigingen</translation>
    </message>
    <message>
        <source>Show the changes that could not be sent</source>
        <translation>Toon de wijzigingen die niet verzonden konden worden</translation>
    </message>
    <message>
        <source>&amp;Enrol with service…</source>
        <translation>Koppelen met &amp;dienst…</translation>
    </message>
    <message>
        <source>Enrol this laptop with the team&apos;s service</source>
        <translation>Deze laptop koppelen met de dienst van het team</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>Language, lock time, service</source>
        <translation>Taal, vergrendeltijd, dienst</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>Hide everything and lock the window</source>
        <translation>Alles verbergen en het venster vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <source>Close Keukentafel</source>
        <translation>Keukentafel afsluiten</translation>
    </message>
    <message>
        <source>&amp;Kitchen-table mode</source>
        <translation>&amp;Keukentafelstand</translation>
    </message>
    <message>
        <source>Show the open case full screen to the family</source>
        <translation>Het open dossier schermvullend aan het gezin laten zien</translation>
    </message>
    <message>
        <source>&amp;Monitor</source>
        <translation>&amp;Monitor</translation>
    </message>
    <message>
        <source>How the team&apos;s cases are going (team leads)</source>
        <translation>Hoe het gaat met de dossiers van het team (teamleiders)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>&amp;Keukentafel</source>
        <translation>&amp;Keukentafel</translation>
    </message>
    <message>
        <source>&amp;About Keukentafel</source>
        <translation>&amp;Over Keukentafel</translation>
    </message>
    <message>
        <source>Version, licence and source code</source>
        <translation>Versie, licentie en broncode</translation>
    </message>
    <message>
        <source>Enrolling with the team&apos;s service…</source>
        <translation>Bezig met koppelen met de dienst van het team…</translation>
    </message>
    <message>
        <source>Your computer&apos;s password store does not work. Your key is therefore kept encrypted in a file.</source>
        <translation>De wachtwoordopslag van je computer werkt niet. Je sleutel staat daarom versleuteld in een bestand.</translation>
    </message>
    <message>
        <source>Key kept in a file</source>
        <translation>Sleutel in een bestand</translation>
    </message>
    <message>
        <source>Open a case first: kitchen-table mode shows the open case.</source>
        <translation>Open eerst een dossier: de keukentafelstand laat het open dossier zien.</translation>
    </message>
    <message>
        <source>This laptop is enrolled with the team&apos;s service.</source>
        <translation>Deze laptop is gekoppeld met de dienst van het team.</translation>
    </message>
    <message>
        <source>Enrol again to sync with the new service address.</source>
        <translation>Koppel opnieuw om met het nieuwe adres van de dienst te synchroniseren.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent. They are kept safely on this laptop. See them in Unsent changes.</source>
        <translation>
            <numerusform>%n wijziging kon niet worden verzonden. Ze staat veilig op deze laptop. Bekijk haar bij Niet verzonden wijzigingen.</numerusform>
            <numerusform>%n wijzigingen konden niet worden verzonden. Ze staan veilig op deze laptop. Bekijk ze bij Niet verzonden wijzigingen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) are waiting to be sent: the service does not know this kind of information yet. They are kept safely on this laptop and go out once the service has been updated.</source>
        <translation>
            <numerusform>%n wijziging wacht op verzending: de dienst kent dit soort gegevens nog niet. Ze staat veilig op deze laptop en gaat mee zodra de dienst is bijgewerkt.</numerusform>
            <numerusform>%n wijzigingen wachten op verzending: de dienst kent dit soort gegevens nog niet. Ze staan veilig op deze laptop en gaan mee zodra de dienst is bijgewerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrol again…</source>
        <translation>Opnieuw koppelen…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>MapExport</name>
    <message>
        <source>Ecogram</source>
        <translation>Ecogram</translation>
    </message>
    <message>
        <source>Genogram</source>
        <translation>Genogram</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Network map</source>
        <translation>Netwerkkaart</translation>
    </message>
    <message>
        <source>Also show the difficult lines</source>
        <translation>Ook de moeilijke lijnen laten zien</translation>
    </message>
</context>
<context>
    <name>MergeQuestion</name>
    <message numerus="yes">
        <source>“%1” (%n line(s))</source>
        <translation>
            <numerusform>“%1” (%n punt)</numerusform>
            <numerusform>“%1” (%n punten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge two plans</source>
        <translation>Twee plannen samenvoegen</translation>
    </message>
    <message>
        <source>Merge the plan %1 into the plan shown, %2?</source>
        <translation>Het plan %1 samenvoegen met het getoonde plan, %2?</translation>
    </message>
    <message>
        <source>Its lines come after the lines of the plan shown, in their own order. A part the plan shown has no words for takes its words; where both have words, its words are added below. Then the other plan is removed. You can undo this (Ctrl+Z) until the next synchronisation.</source>
        <translation>De punten komen na de punten van het getoonde plan, in hun eigen volgorde. Een deel dat in het getoonde plan leeg is, krijgt de tekst van het andere plan. Staat er in allebei tekst, dan komt die van het andere plan eronder. Daarna wordt het andere plan verwijderd. Je kunt dit ongedaan maken (Ctrl+Z) tot de volgende keer synchroniseren.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Samenvoegen</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>Allebei &amp;houden</translation>
    </message>
</context>
<context>
    <name>MonitorWindow</name>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>The monitor is for team leads only.</source>
        <translation>De monitor is alleen voor teamleiders.</translation>
    </message>
    <message>
        <source>Cases by status</source>
        <translation>Dossiers per status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Legal framework per month</source>
        <translation>Juridisch kader per maand</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Plans by status</source>
        <translation>Plannen per status</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plannen</translation>
    </message>
    <message>
        <source>The team&apos;s scaling scores</source>
        <translation>Cijfers van het team</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Gemiddeld</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Legal framework per month (forced measures going down?)</source>
        <translation>Juridisch kader per maand (minder gedwongen maatregelen?)</translation>
    </message>
    <message>
        <source>The team&apos;s scaling scores (0-10) per month</source>
        <translation>Cijfers van het team (0-10) per maand</translation>
    </message>
    <message>
        <source>Reviews, decisions and the child&apos;s voice</source>
        <translation>Evaluaties, besluiten en de stem van het kind</translation>
    </message>
    <message>
        <source>Cases behind the figure</source>
        <translation>Dossiers achter dit getal</translation>
    </message>
    <message>
        <source>Click a bar, or press Enter on a row, to see the cases it counts. They are never exported.</source>
        <translation>Klik op een staaf, of druk op Enter bij een regel, om de dossiers te zien die meetellen. Ze komen nooit in een export.</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Exporteren als &amp;CSV…</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>Exporteren als &amp;PDF…</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>The figures could not be read.</source>
        <translation>De cijfers konden niet worden gelezen. Je dossiers staan veilig op deze laptop. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Overdue reviews</source>
        <translation>Evaluaties te laat</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Taken te laat</translation>
    </message>
    <message>
        <source>Median days from submitted to decided</source>
        <translation>Dagen van ingediend tot besluit (middelste waarde)</translation>
    </message>
    <message>
        <source>Share of decided plans returned</source>
        <translation>Deel van de besloten plannen teruggestuurd</translation>
    </message>
    <message>
        <source>Share of plans with the child&apos;s voice</source>
        <translation>Deel van de plannen met de stem van het kind</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>%1: from %2 to %3</source>
        <translation>%1: van %2 naar %3</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) behind this figure</source>
        <translation>
            <numerusform>%n dossier achter dit getal</numerusform>
            <numerusform>%n dossiers achter dit getal</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-bestand (*.csv)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Pdf-document (*.pdf)</translation>
    </message>
    <message>
        <source>Export the monitor</source>
        <translation>Monitor exporteren</translation>
    </message>
    <message>
        <source>Monitor of %1</source>
        <translation>Monitor van %1</translation>
    </message>
</context>
<context>
    <name>NetworkMap</name>
    <message>
        <source>People (%1)</source>
        <translation>Personen (%1)</translation>
    </message>
    <message>
        <source>Ties (%1)</source>
        <translation>Banden (%1)</translation>
    </message>
    <message>
        <source>What does not add up (%1)</source>
        <translation>Wat niet klopt (%1)</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 jaar</translation>
    </message>
    <message>
        <source>child the worry is about</source>
        <translation>kind om wie het gaat</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>overleden</translation>
    </message>
    <message>
        <source>household</source>
        <translation>huishouden</translation>
    </message>
    <message>
        <source>towards %1</source>
        <translation>naar %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <source>seen differently by others</source>
        <translation>anderen zien het anders</translation>
    </message>
    <message>
        <source>%1 (two versions: choose which stays)</source>
        <translation>%1 (twee versies: kies welke blijft)</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Friends and acquaintances</source>
        <translation>Vrienden en kennissen</translation>
    </message>
    <message>
        <source>Neighbours and colleagues</source>
        <translation>Buren en collega&apos;s</translation>
    </message>
    <message>
        <source>Professionals</source>
        <translation>Professionals</translation>
    </message>
    <message>
        <source>Inner ring</source>
        <translation>Binnenste ring</translation>
    </message>
    <message>
        <source>Middle ring</source>
        <translation>Middelste ring</translation>
    </message>
    <message>
        <source>Outer ring</source>
        <translation>Buitenste ring</translation>
    </message>
    <message>
        <source>PA</source>
        <translation>LM</translation>
    </message>
    <message>
        <source>EA</source>
        <translation>PM</translation>
    </message>
    <message>
        <source>SA</source>
        <translation>SM</translation>
    </message>
    <message>
        <source>N</source>
        <translation>V</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>practical help</source>
        <translation>praktische hulp</translation>
    </message>
    <message>
        <source>company</source>
        <translation>gezelschap</translation>
    </message>
    <message>
        <source>advice</source>
        <translation>advies</translation>
    </message>
    <message>
        <source>emotional support</source>
        <translation>emotionele steun</translation>
    </message>
    <message>
        <source>Man (square)</source>
        <translation>Man (vierkant)</translation>
    </message>
    <message>
        <source>Woman (circle)</source>
        <translation>Vrouw (cirkel)</translation>
    </message>
    <message>
        <source>Non-binary or unknown (diamond)</source>
        <translation>Non-binair of onbekend (ruit)</translation>
    </message>
    <message>
        <source>Child the worry is about (double outline)</source>
        <translation>Kind om wie het gaat (dubbele rand)</translation>
    </message>
    <message>
        <source>Deceased (cross)</source>
        <translation>Overleden (kruis)</translation>
    </message>
    <message>
        <source>Household (dotted outline)</source>
        <translation>Huishouden (gestippelde rand)</translation>
    </message>
    <message>
        <source>Married (solid line)</source>
        <translation>Getrouwd (doorgetrokken lijn)</translation>
    </message>
    <message>
        <source>Living together (dashed line)</source>
        <translation>Samenwonend (gestreepte lijn)</translation>
    </message>
    <message>
        <source>Partners (dashed line)</source>
        <translation>Partners (gestreepte lijn)</translation>
    </message>
    <message>
        <source>Separated (one slash)</source>
        <translation>Uit elkaar (één schuine streep)</translation>
    </message>
    <message>
        <source>Ex-partners (one slash)</source>
        <translation>Ex-partners (één schuine streep)</translation>
    </message>
    <message>
        <source>Divorced (two slashes)</source>
        <translation>Gescheiden (twee schuine strepen)</translation>
    </message>
    <message>
        <source>Birth child (solid line)</source>
        <translation>Eigen kind (doorgetrokken lijn)</translation>
    </message>
    <message>
        <source>Adopted child (dashed line)</source>
        <translation>Adoptiekind (gestreepte lijn)</translation>
    </message>
    <message>
        <source>Foster child (dotted line)</source>
        <translation>Pleegkind (gestippelde lijn)</translation>
    </message>
    <message>
        <source>Stepchild (dash-dot line)</source>
        <translation>Stiefkind (streep-stippellijn)</translation>
    </message>
    <message>
        <source>Twins (two lines from one point)</source>
        <translation>Tweeling (twee lijnen uit één punt)</translation>
    </message>
    <message>
        <source>Tie that has ended (faded, with the year: until …)</source>
        <translation>Relatie die voorbij is (vervaagd, met het jaar: tot …)</translation>
    </message>
    <message>
        <source>Strong (thick line)</source>
        <translation>Sterk (dikke lijn)</translation>
    </message>
    <message>
        <source>Ordinary (thin line)</source>
        <translation>Gewoon (dunne lijn)</translation>
    </message>
    <message>
        <source>Weak (dashed line)</source>
        <translation>Zwak (gestreepte lijn)</translation>
    </message>
    <message>
        <source>Strained (wavy line)</source>
        <translation>Gespannen (golflijn)</translation>
    </message>
    <message>
        <source>Quarrel (zigzag)</source>
        <translation>Ruzie (zigzag)</translation>
    </message>
    <message>
        <source>Hostile (zigzag)</source>
        <translation>Vijandig (zigzag)</translation>
    </message>
    <message>
        <source>Violence (red arrow to whom it affects)</source>
        <translation>Geweld (rode pijl naar wie het treft)</translation>
    </message>
    <message>
        <source>Contact broken off (line with two bars)</source>
        <translation>Contact verbroken (lijn met twee streepjes)</translation>
    </message>
    <message>
        <source>Close (two lines)</source>
        <translation>Hecht (twee lijnen)</translation>
    </message>
    <message>
        <source>Too close (three lines)</source>
        <translation>Te hecht (drie lijnen)</translation>
    </message>
    <message>
        <source>Distant (dotted line)</source>
        <translation>Afstandelijk (gestippelde lijn)</translation>
    </message>
    <message>
        <source>Physical abuse (red arrow, PA)</source>
        <translation>Lichamelijke mishandeling (rode pijl, LM)</translation>
    </message>
    <message>
        <source>Psychological abuse (red arrow, EA)</source>
        <translation>Psychische mishandeling (rode pijl, PM)</translation>
    </message>
    <message>
        <source>Sexual abuse (red arrow, SA)</source>
        <translation>Seksueel misbruik (rode pijl, SM)</translation>
    </message>
    <message>
        <source>Neglect (red arrow, N)</source>
        <translation>Verwaarlozing (rode pijl, V)</translation>
    </message>
    <message>
        <source>Controlling (red arrow, C)</source>
        <translation>Controlerend (rode pijl, C)</translation>
    </message>
    <message>
        <source>Unknown band: %1 (grey line)</source>
        <translation>Onbekende band: %1 (grijze lijn)</translation>
    </message>
    <message>
        <source>Other tie (thin grey line)</source>
        <translation>Andere band (dunne grijze lijn)</translation>
    </message>
    <message>
        <source>Arrow: the direction of support</source>
        <translation>Pijl: de richting van de steun</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rings: inner, middle and outer, as the family sees it</source>
        <translation>Ringen: binnenste, middelste en buitenste, zoals het gezin het ziet</translation>
    </message>
    <message>
        <source>!: two people changed this at once; choose which version stays (right-click)</source>
        <translation>!: twee mensen veranderden dit tegelijk; kies welke versie blijft (rechtsklikken)</translation>
    </message>
    <message>
        <source>≠: people see this tie differently (choose whose view)</source>
        <translation>≠: mensen zien deze band verschillend (kies wiens kijk)</translation>
    </message>
    <message>
        <source>Question mark: something here does not add up (see the list)</source>
        <translation>Vraagteken: hier klopt iets niet (zie de lijst)</translation>
    </message>
    <message>
        <source>A tie leads to someone who is no longer in the case file.</source>
        <translation>Een band gaat naar iemand die niet meer in het dossier staat.</translation>
    </message>
    <message>
        <source>A tie of %1 leads to %1 themselves.</source>
        <translation>Een band van %1 gaat naar %1 zelf.</translation>
    </message>
    <message>
        <source>%1 is recorded as their own ancestor: one parent tie is drawn as a plain line.</source>
        <translation>%1 staat als eigen voorouder in het dossier: één ouder-kindband is als gewone lijn getekend.</translation>
    </message>
    <message>
        <source>%1 has more parents than a family tree can show.</source>
        <translation>%1 heeft meer ouders dan een genogram kan laten zien.</translation>
    </message>
    <message>
        <source>A tie has a kind of relationship this version does not know; it is drawn as a plain line.</source>
        <translation>Een band heeft een soort relatie die deze versie niet kent; hij is als gewone lijn getekend.</translation>
    </message>
    <message>
        <source>A tie has a band this version does not know; it is drawn as a plain line.</source>
        <translation>Een band is van een soort die deze versie niet kent; hij is als gewone lijn getekend.</translation>
    </message>
    <message>
        <source>According to the worker</source>
        <translation>Volgens de medewerker</translation>
    </message>
    <message>
        <source>According to %1</source>
        <translation>Volgens %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>tot %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sinds %1</translation>
    </message>
</context>
<context>
    <name>NetworkMapTab</name>
    <message>
        <source>Network map drawing</source>
        <translation>Tekening van de netwerkkaart</translation>
    </message>
    <message>
        <source>People and ties of the map</source>
        <translation>Personen en banden op de kaart</translation>
    </message>
    <message>
        <source>Choose a person or a tie to change it.</source>
        <translation>Kies een persoon of een band om die te veranderen.</translation>
    </message>
    <message>
        <source>&amp;Genogram</source>
        <translation>&amp;Genogram</translation>
    </message>
    <message>
        <source>&amp;Ecogram</source>
        <translation>&amp;Ecogram</translation>
    </message>
    <message>
        <source>Add &amp;person</source>
        <translation>&amp;Persoon toevoegen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect the two chosen people</source>
        <translation>De twee gekozen personen verbinden</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Weghalen</translation>
    </message>
    <message>
        <source>New &amp;layout</source>
        <translation>Opnieuw &amp;indelen</translation>
    </message>
    <message>
        <source>Put everyone where the automatic layout puts them</source>
        <translation>Iedereen terugzetten waar de automatische indeling ze neerzet</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Passend in venster</translation>
    </message>
    <message>
        <source>Take &amp;snapshot</source>
        <translation>&amp;Momentopname maken</translation>
    </message>
    <message>
        <source>Keep the map as it is now, to compare later</source>
        <translation>De kaart bewaren zoals hij nu is, om later te vergelijken</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>&amp;Vergelijken</translation>
    </message>
    <message>
        <source>What changed between two snapshots</source>
        <translation>Wat er anders is tussen twee momentopnamen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporteren…</translation>
    </message>
    <message>
        <source>Save the map with its legend as PDF, PNG or SVG</source>
        <translation>Bewaar de kaart met de legenda als pdf, png of svg</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Hide &amp;names</source>
        <translation>&amp;Namen verbergen</translation>
    </message>
    <message>
        <source>Exports and prints show initials and roles only</source>
        <translation>Exports en afdrukken tonen alleen initialen en rollen</translation>
    </message>
    <message>
        <source>Network map tools</source>
        <translation>Knoppen van de netwerkkaart</translation>
    </message>
    <message>
        <source>Whose view</source>
        <translation>Wiens kijk</translation>
    </message>
    <message>
        <source>All views</source>
        <translation>Alle kijken</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Pdf-document (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Png-afbeelding (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Svg-tekening (*.svg)</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>Kaart exporteren</translation>
    </message>
    <message>
        <source>Print the map</source>
        <translation>Kaart afdrukken</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <source>Connect two people</source>
        <translation>Twee personen verbinden</translation>
    </message>
    <message>
        <source>Remove from the map</source>
        <translation>Van de kaart weghalen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 wijzigen</translation>
    </message>
    <message>
        <source>New layout</source>
        <translation>Opnieuw indelen</translation>
    </message>
    <message>
        <source>Move on the map</source>
        <translation>Verplaatsen op de kaart</translation>
    </message>
    <message>
        <source>Add person here</source>
        <translation>Persoon hier toevoegen</translation>
    </message>
    <message>
        <source>Connect as</source>
        <translation>Verbinden als</translation>
    </message>
    <message>
        <source>Kind of relationship</source>
        <translation>Soort relatie</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>Choose between the versions…</source>
        <translation>Kiezen tussen de versies…</translation>
    </message>
</context>
<context>
    <name>NewCaseWizard</name>
    <message>
        <source>New case</source>
        <translation>Nieuw dossier</translation>
    </message>
    <message>
        <source>&amp;Create case</source>
        <translation>Dossier &amp;aanmaken</translation>
    </message>
    <message>
        <source>The case could not be saved. Nothing was created; please try again.</source>
        <translation>Het dossier kon niet worden opgeslagen. Er is niets aangemaakt; probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>Overdue</name>
    <message>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Contact worker</source>
        <translation>Vaste contactpersoon</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Veiligheidsplan</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Age</source>
        <translation>Leeftijd</translation>
    </message>
    <message>
        <source>&amp;Add person</source>
        <translation>Persoon &amp;toevoegen</translation>
    </message>
    <message>
        <source>People of the case, by circle</source>
        <translation>Personen van het dossier, per groep</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Add a li&amp;ne</source>
        <translation>Punt toe&amp;voegen</translation>
    </message>
    <message>
        <source>Add a line after the chosen one, in its part</source>
        <translation>Een punt toevoegen na het gekozen punt, in hetzelfde deel</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>Punt verw&amp;ijderen</translation>
    </message>
    <message>
        <source>Remove the chosen line</source>
        <translation>Het gekozen punt verwijderen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Move the chosen line up</source>
        <translation>Het gekozen punt omhoog zetten</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Move the chosen line down</source>
        <translation>Het gekozen punt omlaag zetten</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 toevoegen</translation>
    </message>
    <message>
        <source>Add a step for when it goes wrong: call %1</source>
        <translation>Een stap toevoegen voor als het misgaat: bel %1</translation>
    </message>
    <message>
        <source>Mark as &amp;agreed</source>
        <translation>Markeren als a&amp;fgesproken</translation>
    </message>
    <message>
        <source>Mark the plan as agreed with the family</source>
        <translation>Het plan markeren als afgesproken met het gezin</translation>
    </message>
    <message>
        <source>Su&amp;bmit to the team lead</source>
        <translation>&amp;Indienen bij de teamleider</translation>
    </message>
    <message>
        <source>Send the agreed plan to the team lead for review</source>
        <translation>Het afgesproken plan naar de teamleider sturen ter beoordeling</translation>
    </message>
    <message>
        <source>Start the ne&amp;xt version</source>
        <translation>Begin de vol&amp;gende versie</translation>
    </message>
    <message>
        <source>Make the plan a draft of its next version</source>
        <translation>Van het plan een concept van de volgende versie maken</translation>
    </message>
    <message>
        <source>Mer&amp;ge with the plan shown…</source>
        <translation>Samenv&amp;oegen met het getoonde plan…</translation>
    </message>
    <message>
        <source>Merge the other plan of this case into this one</source>
        <translation>Het andere plan van dit dossier samenvoegen met dit plan</translation>
    </message>
    <message>
        <source>Co&amp;mpare versions…</source>
        <translation>Versies vergeli&amp;jken…</translation>
    </message>
    <message>
        <source>Compare the versions of the plan part by part</source>
        <translation>De versies van het plan per deel vergelijken</translation>
    </message>
    <message>
        <source>Plan for the family as PD&amp;F…</source>
        <translation>Plan voor het ge&amp;zin als pdf…</translation>
    </message>
    <message>
        <source>Save the plan for the family as a PDF</source>
        <translation>Het plan voor het gezin als pdf opslaan</translation>
    </message>
    <message>
        <source>Print the plan for the famil&amp;y…</source>
        <translation>Plan voor he&amp;t gezin afdrukken…</translation>
    </message>
    <message>
        <source>Print the plan for the family</source>
        <translation>Plan voor het gezin afdrukken</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Meer</translation>
    </message>
    <message>
        <source>Actions for the plan</source>
        <translation>Acties voor het plan</translation>
    </message>
</context>
<context>
    <name>PlanItemsModel</name>
    <message>
        <source>Line</source>
        <translation>Punt</translation>
    </message>
    <message>
        <source>With it</source>
        <translation>Daarbij</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>written together with the family</source>
        <translation>samen met het gezin geschreven</translation>
    </message>
    <message>
        <source>No safety goal yet</source>
        <translation>Nog geen veiligheidsdoel</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>There is no plan yet.</source>
        <translation>Er is nog geen plan.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>&amp;Make a safety plan</source>
        <translation>Veiligheidsplan &amp;maken</translation>
    </message>
    <message>
        <source>This case has no safety plan yet.</source>
        <translation>Dit dossier heeft nog geen veiligheidsplan.</translation>
    </message>
    <message>
        <source>More than three danger statements: can you bring them back to the biggest worries?</source>
        <translation>Meer dan drie zorgformuleringen: kun je ze terugbrengen tot de grootste zorgen?</translation>
    </message>
    <message>
        <source>Which plan</source>
        <translation>Welk plan</translation>
    </message>
    <message>
        <source>Parts and lines of the plan</source>
        <translation>Delen en punten van het plan</translation>
    </message>
    <message>
        <source>T&amp;he plan</source>
        <translation>Het p&amp;lan</translation>
    </message>
    <message>
        <source>The ch&amp;ildren</source>
        <translation>&amp;Wat de kinderen zeggen</translation>
    </message>
    <message>
        <source>%1 (removed from the map)</source>
        <translation>%1 (van de kaart gehaald)</translation>
    </message>
    <message>
        <source>Before the plan can be agreed:</source>
        <translation>Voordat het plan afgesproken kan worden:</translation>
    </message>
    <message>
        <source>Merge two plans</source>
        <translation>Twee plannen samenvoegen</translation>
    </message>
    <message>
        <source>Start the next version</source>
        <translation>Volgende versie beginnen</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Veiligheidsplan</translation>
    </message>
    <message>
        <source>Checked against the network map:</source>
        <translation>Vergeleken met de netwerkkaart:</translation>
    </message>
    <message>
        <source>Write the family&apos;s view</source>
        <translation>Woorden van het gezin opschrijven</translation>
    </message>
    <message>
        <source>Move a line</source>
        <translation>Punt verplaatsen</translation>
    </message>
    <message>
        <source>Mark the plan as agreed</source>
        <translation>Plan markeren als afgesproken</translation>
    </message>
    <message>
        <source>Submit the plan</source>
        <translation>Plan indienen</translation>
    </message>
</context>
<context>
    <name>PlanWords</name>
    <message>
        <source>Status: %1 · version %2</source>
        <translation>Status: %1 · versie %2</translation>
    </message>
    <message>
        <source>The team lead says: %1</source>
        <translation>De teamleider zegt: %1</translation>
    </message>
    <message>
        <source>Your decision waits to be sent.</source>
        <translation>Je besluit wacht op verzending.</translation>
    </message>
    <message>
        <source>The plan changed after you looked at it. Look at it again and decide again.</source>
        <translation>Het plan is veranderd nadat je het bekeek. Bekijk het opnieuw en beslis opnieuw.</translation>
    </message>
    <message>
        <source>This case holds more than one plan (made on two laptops at once). Choose below which one you see; the case list follows the one furthest in review.</source>
        <translation>Dit dossier heeft meer dan één plan (tegelijk gemaakt op twee laptops). Kies hieronder welk plan je ziet. De lijst met dossiers volgt het plan dat het verst is in de beoordeling.</translation>
    </message>
    <message>
        <source>A team lead decided on “%1”: that plan is history and is not merged into another. Choose it below to read it.</source>
        <translation>Een teamleider heeft over “%1” beslist: dat plan hoort bij de geschiedenis en wordt niet samengevoegd. Kies het hieronder om het te lezen.</translation>
    </message>
    <message>
        <source>“%1” meets a condition that was removed: choose again which conditions it meets.</source>
        <translation>“%1” voldoet aan een voorwaarde die is verwijderd: kies opnieuw aan welke voorwaarden het voldoet.</translation>
    </message>
    <message>
        <source>%1 · %2 · version %3</source>
        <translation>%1 · %2 · versie %3</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Veiligheidsplan</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>iemand</translation>
    </message>
    <message>
        <source>Agreed on %1 by %2</source>
        <translation>Afgesproken op %1 door %2</translation>
    </message>
</context>
<context>
    <name>Readability</name>
    <message>
        <source>easy</source>
        <translation>makkelijk</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>redelijk</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>moeilijk</translation>
    </message>
    <message>
        <source>Readability: %1 (%2) · %3 words a sentence · %4% long words</source>
        <translation>Leesbaarheid: %1 (%2) · %3 woorden per zin · %4% lange woorden</translation>
    </message>
    <message>
        <source>Short sentences read more easily.</source>
        <translation>Korte zinnen lezen makkelijker.</translation>
    </message>
    <message>
        <source>Long words: %1</source>
        <translation>Lange woorden: %1</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Remove the chosen entry</source>
        <translation>Het gekozen onderdeel verwijderen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <source>this entry</source>
        <translation>dit onderdeel</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 verwijderen?</translation>
    </message>
    <message>
        <source>You can undo this (Ctrl+Z) until the next synchronisation.</source>
        <translation>Je kunt dit ongedaan maken (Ctrl+Z) tot de volgende keer synchroniseren.</translation>
    </message>
</context>
<context>
    <name>RejectedChanges</name>
    <message>
        <source>Family</source>
        <translation>Gezin</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Velden</translation>
    </message>
    <message>
        <source>Why not sent</source>
        <translation>Waarom niet verzonden</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>You could no longer see this case when it was sent</source>
        <translation>Je kon dit dossier niet meer zien toen de wijziging werd verzonden</translation>
    </message>
    <message>
        <source>The case left this laptop before the change was sent</source>
        <translation>Het dossier verdween van deze laptop voordat de wijziging verzonden was</translation>
    </message>
    <message>
        <source>Someone else decided this conflict first</source>
        <translation>Iemand anders had dit conflict al beslist</translation>
    </message>
    <message>
        <source>You could no longer see this conflict when your choice was sent</source>
        <translation>Je kon dit conflict niet meer zien toen je keuze werd verzonden</translation>
    </message>
    <message>
        <source>You may not make this change</source>
        <translation>Je mag deze wijziging niet maken</translation>
    </message>
    <message>
        <source>Only a team lead may approve or return a plan</source>
        <translation>Alleen een teamleider mag een plan goedkeuren of terugsturen</translation>
    </message>
    <message>
        <source>Only the contact worker or the team lead may share, hand over or close this case</source>
        <translation>Alleen de vaste contactpersoon of de teamleider mag dit dossier delen, overdragen of afsluiten</translation>
    </message>
    <message>
        <source>The service refused it (%1)</source>
        <translation>De dienst nam de wijziging niet aan (%1)</translation>
    </message>
    <message>
        <source>(unknown family)</source>
        <translation>(onbekend gezin)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>delete this item</source>
        <translation>dit onderdeel verwijderen</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Family: %1</source>
        <translation>Gezin: %1</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>Onderdeel: %1</translation>
    </message>
    <message>
        <source>Not sent because: %1</source>
        <translation>Niet verzonden omdat: %1</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Wanneer: %1</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>Niet verzonden wijzigingen</translation>
    </message>
    <message>
        <source>These changes could not be sent to the team&apos;s service. They are kept safely on this laptop until you remove them. Copy or save what you still need, and pass it on to whoever now has the case.</source>
        <translation>Deze wijzigingen konden niet naar de dienst van je team worden verzonden. Ze staan veilig op deze laptop tot je ze verwijdert. Kopieer of bewaar wat je nog nodig hebt, en geef het door aan wie het dossier nu heeft.</translation>
    </message>
    <message>
        <source>The selected change</source>
        <translation>De gekozen wijziging</translation>
    </message>
    <message>
        <source>There are no unsent changes.</source>
        <translation>Er zijn geen niet verzonden wijzigingen.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy the selected change</source>
        <translation>De gekozen wijziging kopiëren</translation>
    </message>
    <message>
        <source>&amp;Save as text file…</source>
        <translation>Als &amp;tekstbestand bewaren…</translation>
    </message>
    <message>
        <source>Save the selected change as a text file</source>
        <translation>De gekozen wijziging als tekstbestand bewaren</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Remove the selected change</source>
        <translation>De gekozen wijziging verwijderen</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Save the change as a text file</source>
        <translation>De wijziging als tekstbestand bewaren</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tekstbestanden (*.txt)</translation>
    </message>
    <message>
        <source>Unsent change %1.txt</source>
        <translation>Niet verzonden wijziging %1.txt</translation>
    </message>
    <message>
        <source>The file could not be saved there. Choose another place.</source>
        <translation>Het bestand kon daar niet worden bewaard. Je wijziging staat nog op deze laptop. Kies een andere plek.</translation>
    </message>
    <message>
        <source>Remove this change?</source>
        <translation>Deze wijziging verwijderen?</translation>
    </message>
    <message>
        <source>The change for %1 is then gone from this laptop for good. Did you copy or save what you still need?</source>
        <translation>De wijziging voor %1 is dan voorgoed weg van deze laptop. Heb je gekopieerd of bewaard wat je nog nodig hebt?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Bewaren</translation>
    </message>
</context>
<context>
    <name>RemovedScores</name>
    <message>
        <source>At a removed danger statement:</source>
        <translation>Bij een verwijderde zorg:</translation>
    </message>
    <message>
        <source>Move each score to a danger statement of the plan, or remove it.</source>
        <translation>Zet elk cijfer bij een zorgformulering van het plan, of verwijder het.</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Remove the score of %1</source>
        <translation>Het cijfer van %1 verwijderen</translation>
    </message>
    <message>
        <source>Move the score of %1 to a danger statement</source>
        <translation>Het cijfer van %1 bij een zorgformulering zetten</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Zetten bij…</translation>
    </message>
    <message>
        <source>%1 (%2 has a score there)</source>
        <translation>%1 (%2 heeft daar al een cijfer)</translation>
    </message>
    <message>
        <source>Move a score</source>
        <translation>Een cijfer verplaatsen</translation>
    </message>
    <message>
        <source>Remove a score</source>
        <translation>Een cijfer verwijderen</translation>
    </message>
    <message>
        <source>Remove the score %1 of %2 at a removed danger statement?</source>
        <translation>Het cijfer %1 van %2 bij een verwijderde zorg verwijderen?</translation>
    </message>
    <message>
        <source>You can undo this (Ctrl+Z) until the next synchronisation.</source>
        <translation>Je kunt dit ongedaan maken (Ctrl+Z) tot de volgende keer synchroniseren.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Bewaren</translation>
    </message>
    <message>
        <source>the score of %1</source>
        <translation>het cijfer van %1</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(verwijderd)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Conflict oplossen</translation>
    </message>
    <message>
        <source>the whole item</source>
        <translation>het hele onderdeel</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>Two people changed this at the same time. Nothing has been lost: choose what stays, or write the combined text.</source>
        <translation>Twee mensen hebben dit tegelijk veranderd. Er is niets verloren gegaan: kies wat blijft, of schrijf de samengevoegde tekst.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Jouw versie</translation>
    </message>
    <message>
        <source>Version of %1</source>
        <translation>Versie van %1</translation>
    </message>
    <message>
        <source>Version on the service</source>
        <translation>Versie op de dienst</translation>
    </message>
    <message>
        <source>How it was first (before both changes)</source>
        <translation>Hoe het eerst was (vóór beide wijzigingen)</translation>
    </message>
    <message>
        <source>Version on the service
(by %1)</source>
        <translation>Versie op de dienst
(van %1)</translation>
    </message>
    <message>
        <source>How it was first
(before both changes)</source>
        <translation>Hoe het eerst was
(vóór beide wijzigingen)</translation>
    </message>
    <message>
        <source>Keep the version on the &amp;service</source>
        <translation>Versie op de &amp;dienst houden</translation>
    </message>
    <message>
        <source>Keep &amp;your version</source>
        <translation>&amp;Jouw versie houden</translation>
    </message>
    <message>
        <source>Keep the version of %1</source>
        <translation>Versie van %1 h&amp;ouden</translation>
    </message>
    <message>
        <source>&amp;Decide later</source>
        <translation>&amp;Later beslissen</translation>
    </message>
    <message>
        <source>Combined text</source>
        <translation>Samengevoegde tekst</translation>
    </message>
    <message>
        <source>Com&amp;bined text</source>
        <translation>Samen&amp;gevoegde tekst</translation>
    </message>
    <message>
        <source>Keep the &amp;combined text</source>
        <translation>Samengevoegde tekst &amp;houden</translation>
    </message>
</context>
<context>
    <name>ReviewBox</name>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Approv&amp;e</source>
        <translation>&amp;Goedkeuren</translation>
    </message>
    <message>
        <source>Ret&amp;urn</source>
        <translation>Terug&amp;sturen</translation>
    </message>
    <message>
        <source>Comments per part</source>
        <translation>Opmerkingen per deel</translation>
    </message>
    <message>
        <source>Version %1: %2</source>
        <translation>Versie %1: %2</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Door %1</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Family</source>
        <translation>Gezin</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Changed since the last approval</source>
        <translation>Veranderd sinds de laatste goedkeuring</translation>
    </message>
    <message>
        <source>first version</source>
        <translation>eerste versie</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
</context>
<context>
    <name>ReviewQueueView</name>
    <message>
        <source>Plans to review</source>
        <translation>Plannen om te beoordelen</translation>
    </message>
    <message>
        <source>Plans to review, oldest first</source>
        <translation>Plannen om te beoordelen, oudste eerst</translation>
    </message>
</context>
<context>
    <name>RoomBox</name>
    <message>
        <source>Remove these words</source>
        <translation>Deze woorden verwijderen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Toevoegen aan %1</translation>
    </message>
</context>
<context>
    <name>SafetyPlan</name>
    <message>
        <source>Add a line to the plan</source>
        <translation>Punt toevoegen aan het plan</translation>
    </message>
    <message>
        <source>Remove a line from the plan</source>
        <translation>Punt uit het plan verwijderen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 wijzigen</translation>
    </message>
    <message>
        <source>Change the plan</source>
        <translation>Plan wijzigen</translation>
    </message>
    <message>
        <source>Our biggest worries and safety goals</source>
        <translation>Onze grootste zorgen en veiligheidsdoelen</translation>
    </message>
    <message>
        <source>What must happen at the least (conditions)</source>
        <translation>Wat er minimaal moet gebeuren (veiligheidsvoorwaarden)</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <source>Signals that it goes wrong</source>
        <translation>Signalen dat het misgaat</translation>
    </message>
    <message>
        <source>When it goes wrong</source>
        <translation>Als het misgaat</translation>
    </message>
    <message>
        <source>Safety network</source>
        <translation>Veiligheidsnetwerk</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Volgende stappen</translation>
    </message>
    <message>
        <source>In the children&apos;s words</source>
        <translation>In de woorden van de kinderen</translation>
    </message>
    <message>
        <source>What has happened</source>
        <translation>Wat er is gebeurd</translation>
    </message>
    <message>
        <source>Worries</source>
        <translation>Zorgen</translation>
    </message>
    <message>
        <source>What makes it harder</source>
        <translation>Wat het moeilijker maakt</translation>
    </message>
    <message>
        <source>What is working well</source>
        <translation>Wat goed gaat</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>Afgesproken door</translation>
    </message>
    <message>
        <source>New danger statement</source>
        <translation>Nieuwe zorgformulering</translation>
    </message>
    <message>
        <source>New condition</source>
        <translation>Nieuwe veiligheidsvoorwaarde</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Nieuwe afspraak</translation>
    </message>
    <message>
        <source>New signal</source>
        <translation>Nieuw signaal</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Nieuwe stap</translation>
    </message>
    <message>
        <source>New commitment</source>
        <translation>Nieuwe toezegging</translation>
    </message>
    <message>
        <source>New next step</source>
        <translation>Nieuwe volgende stap</translation>
    </message>
    <message>
        <source>New words of a child</source>
        <translation>Nieuwe woorden van een kind</translation>
    </message>
    <message>
        <source>Call 112 when there is danger now</source>
        <translation>Bel 112 bij direct gevaar</translation>
    </message>
    <message>
        <source>Call Veilig Thuis</source>
        <translation>Bel Veilig Thuis</translation>
    </message>
    <message>
        <source>The danger statement “%1” has no safety goal.</source>
        <translation>De zorgformulering “%1” heeft geen veiligheidsdoel.</translation>
    </message>
    <message>
        <source>No safety goal meets the condition “%1”.</source>
        <translation>Geen veiligheidsdoel voldoet aan de voorwaarde “%1”.</translation>
    </message>
    <message>
        <source>No agreement meets the condition “%1”.</source>
        <translation>Geen afspraak voldoet aan de voorwaarde “%1”.</translation>
    </message>
    <message>
        <source>There are no steps for when it goes wrong.</source>
        <translation>Er zijn nog geen stappen voor als het misgaat.</translation>
    </message>
    <message>
        <source>Not met: no safety goal and no agreement</source>
        <translation>Niet voldaan: geen veiligheidsdoel en geen afspraak</translation>
    </message>
    <message>
        <source>Not met: no safety goal</source>
        <translation>Niet voldaan: geen veiligheidsdoel</translation>
    </message>
    <message>
        <source>Not met: no agreement</source>
        <translation>Niet voldaan: geen afspraak</translation>
    </message>
    <message>
        <source>Met by: %1</source>
        <translation>Voldaan door: %1</translation>
    </message>
    <message>
        <source>%1 (removed from the map)</source>
        <translation>%1 (van de kaart gehaald)</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>iemand</translation>
    </message>
    <message>
        <source>“%1” rests on %2, whose tie to %3 (a child) is marked “%4” on the map: someone with such a tie cannot safely carry an agreement about that child.</source>
        <translation>“%1” rust op %2. Op de kaart staat de band met %3 (een kind) als “%4”. Iemand met zo&apos;n band kan een afspraak over dat kind niet veilig dragen.</translation>
    </message>
    <message>
        <source>“%1” rests on %2, whose tie to %3 (a child) is marked “%4” on the map: someone with such a tie cannot safely carry a role in the safety network for that child.</source>
        <translation>“%1” rust op %2. Op de kaart staat de band met %3 (een kind) als “%4”. Iemand met zo&apos;n band kan geen veilige rol in het veiligheidsnetwerk van dat kind hebben.</translation>
    </message>
    <message>
        <source>“%1” is in the safety network but not on the network map: add the person to the map, or choose someone from it.</source>
        <translation>“%1” staat in het veiligheidsnetwerk, maar niet op de netwerkkaart. Zet de persoon op de kaart, of kies iemand van de kaart.</translation>
    </message>
    <message>
        <source>“%1” rests on %2, who was removed from the network map: choose someone else, or put the person back on the map.</source>
        <translation>“%1” rust op %2, maar die is van de netwerkkaart gehaald. Kies iemand anders, of zet de persoon terug op de kaart.</translation>
    </message>
    <message>
        <source>Nobody acts on the signal “%1”: say who acts.</source>
        <translation>Niemand komt in actie bij het signaal “%1”. Vul in wie in actie komt.</translation>
    </message>
    <message>
        <source>The step “%1” has no phone number.</source>
        <translation>Bij de stap “%1” staat geen telefoonnummer.</translation>
    </message>
    <message>
        <source>The plan changed after the team lead approved it (%1): those changes are not approved. Start the next version to submit them.</source>
        <translation>Het plan is veranderd nadat de teamleider het goedkeurde (%1). Die veranderingen zijn niet goedgekeurd. Begin de volgende versie om ze in te dienen.</translation>
    </message>
</context>
<context>
    <name>ScalingChart</name>
    <message>
        <source>Chart of the scaling scores</source>
        <translation>Grafiek van de cijfers</translation>
    </message>
</context>
<context>
    <name>ScalingPanel</name>
    <message>
        <source>Scaling scores over the visits</source>
        <translation>Cijfers over de huisbezoeken</translation>
    </message>
    <message>
        <source>Danger statement of the chart</source>
        <translation>Zorgformulering van de grafiek</translation>
    </message>
    <message>
        <source>No scores yet. Participants give them at a home visit (tab Home visits).</source>
        <translation>Nog geen cijfers. De aanwezigen geven ze bij een huisbezoek (tab Huisbezoeken).</translation>
    </message>
    <message>
        <source>The scores as a table</source>
        <translation>De cijfers als tabel</translation>
    </message>
    <message>
        <source>Overall score (before the plan had danger statements)</source>
        <translation>Algemeen cijfer (van voor het plan zorgformuleringen had)</translation>
    </message>
    <message>
        <source>At a removed danger statement</source>
        <translation>Bij een verwijderde zorg</translation>
    </message>
    <message>
        <source>Contact worker (own score)</source>
        <translation>Vaste contactpersoon (eigen cijfer)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>At every visit the scores are less than %1 apart.</source>
        <translation>Bij elk huisbezoek liggen de cijfers minder dan %1 uit elkaar.</translation>
    </message>
    <message>
        <source>On %1 the scores are %2 apart: %3 gives %4, %5 gives %6.</source>
        <translation>Op %1 liggen de cijfers %2 uit elkaar: %3 geeft een %4, %5 geeft een %6.</translation>
    </message>
    <message>
        <source>These scores belong to a danger statement that was removed. At the home visit (tab Home visits) you move each of them to a danger statement of the plan, or remove it.</source>
        <translation>Deze cijfers horen bij een zorgformulering die is verwijderd. Bij het huisbezoek (tab Huisbezoeken) zet je elk cijfer bij een zorgformulering van het plan, of verwijder je het.</translation>
    </message>
</context>
<context>
    <name>ScoresPage</name>
    <message>
        <source>There are no scores yet.</source>
        <translation>Er zijn nog geen cijfers.</translation>
    </message>
    <message>
        <source>How safe is it, all in all?</source>
        <translation>Hoe veilig is het, alles bij elkaar?</translation>
    </message>
    <message>
        <source>Scores for: %1</source>
        <translation>Cijfers bij: %1</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>Hulpverlener</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Iemand anders</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>The service did not accept this username and password. You can enrol later from the menu.</source>
        <translation>De dienst accepteerde deze gebruikersnaam en dit wachtwoord niet. Je kunt later koppelen via het menu.</translation>
    </message>
    <message>
        <source>Part of the data on this laptop is damaged. You can keep working; sync your changes and ask your administrator for help.</source>
        <translation>Een deel van de gegevens op deze laptop is beschadigd. Je kunt gewoon doorwerken; synchroniseer je wijzigingen en vraag je beheerder om hulp.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Lock after &amp;idle time</source>
        <translation>Automatisch &amp;vergrendelen na</translation>
    </message>
    <message>
        <source>S&amp;ync every</source>
        <translation>&amp;Synchroniseren elke</translation>
    </message>
    <message>
        <source>Service &amp;address</source>
        <translation>&amp;Adres van de dienst</translation>
    </message>
    <message>
        <source>&amp;Name of this laptop</source>
        <translation>&amp;Naam van deze laptop</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>Een nieuwe taal wordt gebruikt vanaf de volgende start.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>This is not a service address. It starts with https://, for example https://dienst.wijkteam.nl.</source>
        <translation>Dit is geen adres van de dienst. Het begint met https://, bijvoorbeeld https://dienst.wijkteam.nl.</translation>
    </message>
</context>
<context>
    <name>SharingDialog</name>
    <message>
        <source>Share the case</source>
        <translation>Dossier delen</translation>
    </message>
    <message>
        <source>Who may also see and edit %1?</source>
        <translation>Wie mag %1 ook zien en bewerken?</translation>
    </message>
    <message>
        <source>Tick a colleague or a professional of the regional safety team. Whoever you untick no longer sees the case after their next sync.</source>
        <translation>Vink een collega of iemand van het regionaal veiligheidsteam aan. Wie je uitvinkt, ziet het dossier niet meer na het volgende synchroniseren.</translation>
    </message>
    <message>
        <source>%1 (regional safety team)</source>
        <translation>%1 (regionaal veiligheidsteam)</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Zoek op naam</translation>
    </message>
    <message>
        <source>Search colleagues</source>
        <translation>Collega&apos;s zoeken</translation>
    </message>
    <message>
        <source>Colleagues and the regional safety team</source>
        <translation>Collega&apos;s en het regionaal veiligheidsteam</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Niet meer delen</translation>
    </message>
    <message>
        <source>Untick everyone: only you and the team lead see the case</source>
        <translation>Iedereen uitvinken: alleen jij en de teamleider zien het dossier</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <source>Lock the window (Ctrl+L)</source>
        <translation>Het venster vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Geen verbinding</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Niet gekoppeld</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Laatst gesynchroniseerd: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nooit gesynchroniseerd</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n wacht op verzending</numerusform>
            <numerusform>%n wachten op verzending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 van %2 verzonden</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 verzonden</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 ontvangen</translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n niet verzonden</numerusform>
            <numerusform>%n niet verzonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent. They are kept safely on this laptop. See them in Unsent changes.</source>
        <translation>
            <numerusform>%n wijziging kon niet worden verzonden. Ze staat veilig op deze laptop. Bekijk haar bij Niet verzonden wijzigingen.</numerusform>
            <numerusform>%n wijzigingen konden niet worden verzonden. Ze staan veilig op deze laptop. Bekijk ze bij Niet verzonden wijzigingen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>&amp;Add task</source>
        <translation>Taak &amp;toevoegen</translation>
    </message>
    <message>
        <source>Tasks, open ones first</source>
        <translation>Taken, open taken eerst</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nieuwe taak</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Ikzelf (%1)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>a person</source>
        <translation>een persoon</translation>
    </message>
    <message>
        <source>task &apos;%1&apos;</source>
        <translation>taak &apos;%1&apos;</translation>
    </message>
    <message>
        <source>home visit of %1</source>
        <translation>huisbezoek van %1</translation>
    </message>
    <message>
        <source>a home visit</source>
        <translation>een huisbezoek</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>het dossier</translation>
    </message>
    <message>
        <source>the safety plan</source>
        <translation>het veiligheidsplan</translation>
    </message>
    <message>
        <source>a point in the plan</source>
        <translation>een punt in het plan</translation>
    </message>
    <message>
        <source>the relationship between %1 and %2</source>
        <translation>de relatie tussen %1 en %2</translation>
    </message>
    <message>
        <source>a relationship</source>
        <translation>een relatie</translation>
    </message>
    <message>
        <source>consent of %1</source>
        <translation>toestemming van %1</translation>
    </message>
    <message>
        <source>a consent</source>
        <translation>een toestemming</translation>
    </message>
    <message>
        <source>the score of %1</source>
        <translation>het cijfer van %1</translation>
    </message>
    <message>
        <source>a score</source>
        <translation>een cijfer</translation>
    </message>
    <message>
        <source>you</source>
        <comment>assigned to you</comment>
        <translation>jou</translation>
    </message>
    <message>
        <source>Case created</source>
        <translation>Dossier aangemaakt</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 toegevoegd</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 verwijderd</translation>
    </message>
    <message>
        <source>Conflict about %1</source>
        <translation>Conflict over %1</translation>
    </message>
    <message>
        <source>Conflict about %1 resolved</source>
        <translation>Conflict over %1 opgelost</translation>
    </message>
    <message>
        <source>%1: both versions merged</source>
        <translation>%1: beide versies samengevoegd</translation>
    </message>
    <message>
        <source>%1 assigned to %2</source>
        <translation>%1 toegewezen aan %2</translation>
    </message>
    <message>
        <source>%1 no longer assigned</source>
        <translation>%1 niet meer toegewezen</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 afgerond</translation>
    </message>
    <message>
        <source>%1 open again</source>
        <translation>%1 weer open</translation>
    </message>
    <message>
        <source>%1 of %2 changed</source>
        <translation>%1 van %2 gewijzigd</translation>
    </message>
    <message>
        <source>you</source>
        <comment>who made the change</comment>
        <translation>jij</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>deze laptop</translation>
    </message>
    <message>
        <source>the service</source>
        <translation>de dienst</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Timeline of the case, newest first</source>
        <translation>Tijdlijn van het dossier, nieuwste eerst</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Keukentafel is locked</source>
        <translation>Keukentafel is vergrendeld</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Typ je wachtwoordzin.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Bezig met ontgrendelen…</translation>
    </message>
</context>
<context>
    <name>VisitScores</name>
    <message>
        <source>Scaling scores</source>
        <translation>Schaalvragen</translation>
    </message>
    <message>
        <source>0 = so unsafe the children cannot stay, 10 = safe enough to close the case</source>
        <translation>0 = zo onveilig dat de kinderen niet thuis kunnen blijven, 10 = veilig genoeg om het dossier af te sluiten</translation>
    </message>
    <message>
        <source>For children: How safe is it at home? 0 is not safe at all. 10 is completely safe. Which number do you give?</source>
        <translation>Voor kinderen: Hoe veilig is het thuis? 0 is helemaal niet veilig. 10 is helemaal veilig. Welk cijfer geef jij?</translation>
    </message>
    <message>
        <source>The scaling question for children</source>
        <translation>De schaalvraag voor kinderen</translation>
    </message>
    <message>
        <source>Your own score</source>
        <translation>Jouw eigen cijfer</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Danger statement: %1</source>
        <translation>Zorg: %1</translation>
    </message>
    <message>
        <source>Safety goal: %1</source>
        <translation>Veiligheidsdoel: %1</translation>
    </message>
    <message>
        <source>Tick the participants of the visit first.</source>
        <translation>Vink eerst aan wie er bij het huisbezoek waren.</translation>
    </message>
    <message>
        <source>Score of %1 for “%2”</source>
        <translation>Cijfer van %1 voor “%2”</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Other scores of this visit (overall, or of someone not ticked as a participant):</source>
        <translation>Andere cijfers van dit huisbezoek (algemeen, of van iemand die niet is aangevinkt):</translation>
    </message>
    <message>
        <source>Scaling score of %1</source>
        <translation>Cijfer van %1</translation>
    </message>
    <message>
        <source>Give a score</source>
        <translation>Cijfer geven</translation>
    </message>
    <message>
        <source>What makes your number that high?</source>
        <translation>Wat maakt dat je cijfer zo hoog is?</translation>
    </message>
    <message>
        <source>Why %1 chose this score</source>
        <translation>Waarom %1 dit cijfer geeft</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>No visit notes are shared yet.</source>
        <translation>Er zijn nog geen verslagen van bezoeken gedeeld.</translation>
    </message>
    <message>
        <source>Visit of %1</source>
        <translation>Bezoek van %1</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>the home visit of %1</source>
        <translation>het huisbezoek van %1</translation>
    </message>
    <message>
        <source>&amp;Add home visit</source>
        <translation>Huisbezoek &amp;toevoegen</translation>
    </message>
    <message>
        <source>Home visits, newest first</source>
        <translation>Huisbezoeken, nieuwste eerst</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>N&amp;etwork map</source>
        <translation>N&amp;etwerkkaart</translation>
    </message>
    <message>
        <source>&amp;Safety plan</source>
        <translation>Veili&amp;gheidsplan</translation>
    </message>
</context>
<context>
    <name>_ScoreNote</name>
    <message>
        <source>Give a score first: the comment belongs to it.</source>
        <translation>Geef eerst een cijfer: de toelichting hoort daarbij.</translation>
    </message>
</context>
</TS>
