// The words around a person's name in English news copy, as general lists (the shapes of
// news writing, not the text of any page): titles before a name ("Gov.", "Magistrate
// Judge", "CEO"), role nouns before it ("teacher Angela Cooper", "his wife, Kimberly"),
// speech verbs on either side ("said Eli Friedman", "Friedman told Protocol"), the head
// words of organisations, places and works that a capitalised phrase ending in them is
// not a person ("Supreme People's Court", "Tableau Software"), and capitalised words that
// open a sentence rather than a name ("But", "Former").

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Titles written capitalised before a name, lower-cased, without their full stop. */
export const TITLES = set(`
mr mrs ms miss mx dr prof professor sir dame lord lady
sen senator rep representative gov governor lt gen general col colonel maj capt captain sgt sergeant cpl
adm admiral cmdr commander brig lieut corporal administrator
president vice prime minister secretary chancellor chairman chairwoman chairperson chair premier
ceo cfo coo cto cio founder co-founder cofounder director
judge magistrate attorney ag prosecutor counsel mayor councilman councilwoman councillor councilor
supervisor superintendent sheriff chief officer detective deputy ambassador speaker
king queen prince princess duke duchess pope cardinal bishop archbishop rabbi imam rev reverend pastor father
sheikh sheik emir sultan coach qb commissioner dean principal trooper agent inspector constable marshal
congressman congresswoman assemblyman assemblywoman mister madam madame monsieur herr
`);

/** Lower-case role nouns that stand right before a person's name ("singer Ally Brooke",
 * "lawyer Jim Dunham") or before a comma and the name ("his wife, Kimberly,"). */
export const ROLE_NOUNS = set(`
teacher lawyer attorney singer host judge actor actress rapper author writer novelist poet analyst
spokesman spokeswoman spokesperson founder co-founder cofounder director president chairman chairwoman ceo
executive professor researcher scientist administrator economist official lawmaker legislator senator governor mayor minister
superintendent supervisor coach player quarterback star artist photographer reporter editor correspondent
columnist producer designer chef doctor physician nurse activist expert manager engineer student resident
owner investor billionaire entrepreneur pilot officer detective sheriff agent wife husband son daughter brother
sister mother father friend colleague fellow captain cousin grandson granddaughter uncle aunt nephew niece
boyfriend girlfriend partner fiancé fiancée widow widower candidate member leader boss chief counsel deputy
secretary commissioner councilman councilwoman strategist contributor commentator anchor comedian musician
drummer guitarist bassist composer choreographer dancer filmmaker playwright historian critic blogger
influencer youtuber developer programmer founder-ceo principal pastor priest bishop rabbi imam monk nun
diplomat envoy ambassador prosecutor defendant plaintiff victim suspect witness gunman protester veteran
sergeant trooper deputy inspector firefighter soldier general admiral colonel economist cartoonist
illustrator architect surgeon dentist pharmacist psychologist psychiatrist therapist sociologist
anthropologist biologist chemist physicist astronomer astronaut mathematician archaeologist geologist
climatologist epidemiologist virologist adviser advisor aide assistant associate consultant specialist
technician worker employee staffer intern graduate alum alumnus alumna named dubbed nicknamed
`);

/** Verbs that attribute speech or writing, in the forms news copy uses them. */
export const SPEECH_VERBS = set(`
said says say told tells tell added adds wrote writes asked asks explained explains noted notes argued argues
tweeted tweets testified testifies stated states recalled recalls continued continues replied replies
warned warns insisted insists admitted admits announced announces confirmed confirms responded responds
stressed stresses claimed claims acknowledged acknowledges observed observes remarked remarks suggested
suggests cautioned cautions predicted predicts conceded concedes urged urges emphasized emphasizes
emphasised emphasises countered counters agreed agrees disagreed disagrees recounted recounts shared shares
joked jokes laughed laughs wondered wonders commented comments reported reports
`);

/** Head words of organisations, places, works and events: a capitalised phrase that
 * contains one is not a person's name. */
export const ORG_WORDS = set(`
university college school academy institute institution foundation association federation union unions council
committee commission department ministry agency bureau office administration authority board court courts
tribunal parliament congress senate assembly party government state states republic kingdom empire county
city town village district province region territory island islands mountain mountains river lake ocean sea
 beach  street st road rd avenue ave boulevard blvd  drive highway square plaza bridge tower
station airport port harbor harbour center centre hospital clinic church cathedral mosque temple museum
gallery library theater theatre cinema studio studios stadium arena  hotel resort casino restaurant cafe
bar pub club league team fc cup championship games olympics festival awards award prize conference summit
expo fair show series season episode magazine journal review times post news daily weekly herald tribune
gazette chronicle journal press radio tv television network media channel bulletin newsletter report
company co corp corporation inc incorporated ltd llc plc gmbh sa ag group holdings partners capital ventures
bank  fund trust exchange market markets securities insurance airlines airways motors motor systems
software technologies technology tech works labs lab laboratories solutions services industries international
global worldwide enterprises logistics energy pharmaceuticals pharma foods brands stores store shop mall
products networks communications telecom digital interactive entertainment pictures records music games
army navy force forces police guard corps regiment brigade division battalion command fleet patrol
church ministries mission society fellowship brotherhood movement campaign project program programme
initiative act bill  code treaty accord agreement plan policy fund index report survey study
war battle revolution crisis scandal affair  trial  week month year era age century
project province north south east west northern southern eastern western central upper lower
  building estate manor palace  farm garden gardens forest valley canyon desert
`);

/** Capitalised words that open a sentence or a phrase rather than a name. */
export const LEADING_NON_NAMES = set(`
the a an but and or nor so yet for in on at to of by with from as if when while after before since until
because although though this that these those his her their our my your its it he she they we i you
former then now still even also meanwhile however instead indeed later earlier today yesterday tomorrow
tonight here there where what who why how which whose all both each every many most some several few
no not only just more less new old late ex dear hi hello thanks thank watch read see meet listen follow
share subscribe join sign click get like via per photo photos image images video videos illustration
updated published posted written edited reported
`);

/** Lower-case name particles ("Carolyn Van Houten", "Riccardo De Luca", "bin Rashid"). */
export const PARTICLES = set(`van von de der den da di del della du la le bin ibn al el ter ten dos das y`);

/** Name suffixes dropped from a person's name when it is compared. */
export const SUFFIXES = set(`jr sr ii iii iv`);

/** Months and days: capitalised, never a person's name after a title or a cue. */
export const CALENDAR = set(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
`);

/** Words that credit a photo or an illustration to the name after them. */
export const CREDIT_LEADS = set(`photo photos photograph photographs photographer image images picture pictures illustration illustrations credit credits graphic video`);

/** Countries, continents and regions: the last word of a phrase that is a place, not a
 * surname ("Tate Britain", "Sierra Nevada"). */
export const PLACES = set(`
africa america americas asia europe oceania antarctica arctic atlantic pacific britain england scotland wales
ireland france germany spain portugal italy greece russia ukraine poland china japan korea india pakistan
iran iraq israel syria turkey egypt canada mexico brazil argentina chile peru australia zealand kong taiwan
vietnam thailand indonesia philippines malaysia singapore nigeria kenya ethiopia sweden norway denmark finland
netherlands belgium switzerland austria hungary romania nevada texas california florida ohio york jersey
alabama alaska arizona arkansas colorado connecticut delaware hawaii idaho illinois indiana iowa kansas
kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
hampshire oregon pennsylvania tennessee utah vermont wisconsin wyoming dakota
`);

/** Frequent English nouns that head the title-case phrases of menus, headings and
 * product names ("Skip Navigation", "Costume Design", "Web Cameras"), and are rarely
 * anyone's surname: a capitalised pair ending in one names a person only with a given
 * name before it and a cue around it. Not the surnames that are also nouns (Park, Stone,
 * King, Bell, Hill, Price, Wood, Black, Banks, Fields …): those stay out of this list. */
export const HEADING_NOUNS = set(`
navigation menu menus search home homepage pages link links list lists index contents content topic topics
section sections category categories tag tags archive archives feed feeds subscribe subscription subscriptions newsletter
login account accounts profile profiles settings help support contact contacts about terms privacy cookies
policy policies sitemap site sites website websites blog blogs forum forums comment comments reply replies share
point points highlight highlights summary overview details detail takeaways notes note tips guide guides faq
politics economy economics business finance markets health wellness science climate environment
weather traffic sports sport travel food foods drink drinks recipe recipes style fashion beauty culture arts art
design designs music film films movie movies book books video videos photo photos
picture gallery galleries camera cameras image images graphic graphics podcast podcasts audio live stream
opinion opinions editorial editorials analysis commentary column columns letters obituaries obituary
deals deal shopping sale sales offers coupons careers jobs job education learning research data
security safety defense defence justice crime crimes laws rights immigration election elections
area areas region planet planets space universe world nation nations country countries
family families community communities society people public history heritage
mission values value network systems system service services platform platforms products product
electronics technology engineering energy water weather transport transportation
creators fans members users customers residents voters students
diaries diary stories story news updates update events event calendar tickets ticket
awards review reviews ratings rankings results scores standings schedule schedules highlights
line lines airline airlines
`);

/** The endings of English abstract and collective nouns that no surname has: "Politics",
 * "Navigation", "Security", "Management", "Wellness", "Sociology", "Tourism". */
export const NOUN_ENDING = /^(?:.{2,}(?:tions?|sions?)|.{3,}(?:ics|ity|ities|ology|isms?|ships|ware)|.{5,}ments?|.{4,}ness)$/;
