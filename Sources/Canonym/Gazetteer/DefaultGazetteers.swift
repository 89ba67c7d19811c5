/// The gazetteers shipped with Canonym (people, places and organisations of international news
/// about Central Asia, Russia and Ukraine), embedded in the library from `gazetteers/*.tsv`.
public enum DefaultGazetteers {
    /// Names of the embedded files, as `gazetteers/NAME.tsv`.
    public static var fileNames: [String] { DefaultGazetteerData.files.map(\.name) }

    /// The embedded TSV texts, as sources to load or to merge with one's own.
    public static var sources: [GazetteerSource] { DefaultGazetteerData.files.map { .text(name: $0.name, $0.text) } }

    /// Loads the embedded gazetteers. They are checked by the test suite, so this only fails
    /// when the build is broken.
    public static func load(folder: NameFolder = .shared) throws(GazetteerError) -> Gazetteer {
        try Gazetteer.load(sources, folder: folder)
    }
}
