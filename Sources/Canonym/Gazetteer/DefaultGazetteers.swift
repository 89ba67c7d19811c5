import Foundation

/// The gazetteers shipped with Canonym (people, places and organisations of international news
/// about Central Asia, Russia and Ukraine), embedded in the library from `gazetteers/*.tsv`.
public enum DefaultGazetteers {
    /// Names of the embedded files, as `gazetteers/NAME.tsv`.
    public static var fileNames: [String] { DefaultGazetteerData.files.map(\.name) }

    /// The embedded TSV texts, as sources to load or to merge with one's own.
    public static var sources: [GazetteerSource] { DefaultGazetteerData.files.map { .text(name: $0.name, $0.text) } }

    /// Loads the embedded gazetteers: their compiled copy when this Canonym and ICU compiled it
    /// (no folding, no ICU transliterators to build), else the TSV texts. They are checked by
    /// the test suite, so this only fails when the build is broken.
    public static func load(folder: NameFolder = .shared) throws(GazetteerError) -> Gazetteer {
        if let compiled = embeddedCompiled { return compiled }
        return try Gazetteer.load(sources, folder: folder)
    }

    /// Decoded once per process: the gazetteer is immutable, so every caller can share it.
    private static let embeddedCompiled: Gazetteer? = try? loadCompiled()

    /// The embedded compiled copy; refused (thrown) when another Canonym or ICU version made it.
    static func loadCompiled() throws(CompiledGazetteerError) -> Gazetteer {
        guard let bytes = Data(base64Encoded: DefaultGazetteerCompiled.base64, options: .ignoreUnknownCharacters) else {
            throw CompiledGazetteerError(path: "embedded default gazetteers", "is not valid base64")
        }
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(CompiledGazetteerError) in try CompiledGazetteer.decode(raw, path: "embedded default gazetteers") }
        }
        return try result.get()
    }
}
