// English function words: articles, pronouns, prepositions, conjunctions, auxiliaries
// and common adverbs. Their density tells running prose (about 40–50% of its words)
// from menus, lists and labels (few or none). Written for Galley; a general list, not
// fitted to any corpus.

const WORDS = `
a about above across after afterwards again against all almost alone along already also although always am among
amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become
becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
could did do does doing done down during each either else elsewhere enough even ever every everyone everything
everywhere except few for former formerly from further had has have having he hence her here hereafter hereby
herein hers herself him himself his how however i if in indeed into is it it's its itself just last latter latterly
least less many may me meanwhile might mine more moreover most mostly much must my myself namely neither never
nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps rather same say says said seem seemed seeming seems several
she should since so some somehow someone something sometime sometimes somewhere still such than that that's the
their theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this those
though through throughout thru thus to together too toward towards under until up upon us very via was we well were
what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while
whither who whoever whole whom whose why will with within without would yet you your yours yourself yourselves
i'm you're he's she's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll
she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't
shouldn't can't couldn't mustn't let's there's here's what's who's where's when's why's how's
it’s that’s i’m you’re he’s she’s we’re they’re isn’t aren’t wasn’t weren’t hasn’t haven’t doesn’t don’t didn’t
won’t wouldn’t can’t couldn’t there’s
`;

export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
