/// Small closed word lists the mention finder needs for French and English news text.
enum MentionLexicon {
    /// Lower-case words allowed inside a name between capitalised words (*Banque de France*,
    /// *Ursula von der Leyen*, *Bashar al-Assad*).
    static let particles: WordSet = ["de", "du", "des", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da", "dos", "di", "ter", "zu"]

    /// Titles written before a name: kept out of the span, reported as evidence.
    static let titles: WordSet = [
        "m", "mm", "mme", "mmes", "mlle", "dr", "mr", "mrs", "ms", "sir", "lord", "pr", "me", "mgr",
        "président", "présidente", "president", "premier", "ministre", "minister", "secrétaire", "secretary",
        "chancelier", "chancellor", "général", "general", "colonel", "maréchal", "marshal", "roi", "king", "reine", "queen",
        "prince", "princesse", "émir", "emir", "cheikh", "sheikh", "pape", "pope", "ambassadeur", "ambassador",
        "porte-parole", "spokesman", "spokeswoman", "senator", "sénateur", "governor", "gouverneur", "mayor", "maire",
        "foreign", "prime", "vice", "vice-président", "deputy", "chairman", "chief",
    ]
    /// Titles abbreviated with a full stop that does not end the sentence.
    static let titleAbbreviations: WordSet = ["M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Mr", "Mrs", "Ms", "Pr", "Me", "Mgr", "St", "Sen", "Gen", "Col", "Gov"]

    /// Function words and common sentence openers of French and English: capitalised only because
    /// they start a sentence, never names.
    static let commonWords: WordSet = [
        // French
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "donc", "or", "ni", "car", "si",
        "à", "a", "au", "aux", "chez", "vers", "contre", "entre", "parmi", "dès", "malgré", "outre", "y",
        "ce", "cet", "cette", "ces", "ça", "cela", "ceci", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu",
        "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "en", "dans", "par", "pour",
        "sur", "sous", "avec", "sans", "selon", "depuis", "pendant", "avant", "après", "lors", "alors", "ainsi", "aussi",
        "aucun", "aucune", "certains", "certaines", "plusieurs", "tous", "toutes", "tout", "toute", "chaque", "quand",
        "comme", "parfois", "cependant", "pourtant", "enfin", "puis", "ensuite", "dernières", "derniers", "dernier",
        "dernière", "voir", "interrogé", "interrogée", "principale", "principal", "photo", "montage", "reportage", "rapport",
        "mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "mars", "avril",
        "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "une", "qui", "que", "quoi", "où",
        "nouvel", "nouveau", "nouvelle", "épargnés", "souveraineté", "intégration", "principes", "affaires", "état", "etat",
        // English
        "the", "a", "an", "and", "or", "but", "if", "in", "on", "at", "to", "of", "for", "with", "by", "from", "as", "is",
        "it", "its", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "this", "that", "these", "those",
        "after", "before", "since", "during", "while", "when", "where", "there", "here", "some", "many", "all", "no", "not",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "nice", "mobile", "sans", "nous", "reading", "bath", "split", "van", "orange", "mars", "sens",
    ]

    /// Endings that turn a country or city name into an adjective or a demonym
    /// (*Russia* → *Russian*, *Kazakh* → *kazakhe*, *Ukraine* → *Ukrainien*).
    static let demonymSuffixes: [String] = ["n", "an", "ian", "ien", "ienne", "iens", "iennes", "e", "es", "s", "ns", "ese", "ish", "ais", "aise", "ois", "oise", "i", "is", "ique", "ic"]
}
