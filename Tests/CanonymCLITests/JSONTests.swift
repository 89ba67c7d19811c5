import Foundation
import Canonym
import CanonymTestSupport
import Testing
@testable import CanonymCLI

/// The output encoders are written over bytes for speed; these hold them to the plain versions
/// they replaced, on random text mixing what needs escaping with non-ASCII scalars.
@Suite struct JSONTests {
    /// Scalars that exercise every branch: escapes, other control characters, a combining mark,
    /// a joiner, accented letters, an emoji, and plain letters.
    static let scalars: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}",
                                            "é", "\u{301}", "\u{200D}", "Ж", "\u{1F600}", "/"]

    static func randomText(_ random: inout SeededGenerator, length: Int) -> [Unicode.Scalar] {
        (0..<length).map { _ in scalars[Int(random.next() % UInt64(scalars.count))] }
    }

    /// The scalar-by-scalar encoder `JSON.string` used to be.
    static func referenceString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func stringEscapesAsTheScalarByScalarEncoderDid() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<3000 {
            let text = String(String.UnicodeScalarView(Self.randomText(&random, length: Int(random.next() % 12))))
            #expect(JSON.string(text) == Self.referenceString(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func objectJoinsEncodedFieldsInOrder() {
        #expect(JSON.object([("a", "1"), ("b\"", JSON.string("x")), ("c", "null")]) == #"{"a":1,"b\"":"x","c":null}"#)
        #expect(JSON.object([]) == "{}")
    }

    /// A record written field by field as bytes reads as the same fields encoded one by one and joined.
    @Test func objectWrittenAsBytesMatchesTheFieldsEncodedApart() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let texts = (0..<3).map { _ in String(String.UnicodeScalarView(Self.randomText(&random, length: Int(random.next() % 10)))) }
            let number = Int(random.next() % 100_000) - 50_000
            var record = JSONObject(capacity: 8)  // small: the buffer must grow
            record.encoded(runtimeKey: texts[0], JSON.string(texts[1]))
            record.string("bytes", utf8: Array(texts[2].utf8))
            record.optional("missing", nil)
            record.optional("present", texts[0])
            record.integer("n", number)
            record.number("score", 0.123456)
            let expected = "{" + [Self.referenceString(texts[0]) + ":" + Self.referenceString(texts[1]),
                                  #""bytes":"# + Self.referenceString(texts[2]), #""missing":null"#,
                                  #""present":"# + Self.referenceString(texts[0]), #""n":"# + String(number),
                                  #""score":0.1235"#].joined(separator: ",") + "}\n"
            #expect(String(decoding: record.closed(line: true), as: UTF8.self) == expected, "\(texts)")
        }
    }

    /// The context snippet: line breaks become spaces exactly as Foundation's replacement makes
    /// them, including a line break followed by a combining mark, which Foundation leaves.
    @Test func lineBreaksAsSpacesAgreesWithFoundation() {
        // Beside the encoder's scalars, those of news around line breaks, the edges of the ranges
        // read without Foundation, and what lies just past them (Cyrillic combining marks, a
        // combining grapheme joiner, a variation selector, an emoji modifier).
        let scalars = Self.scalars + ["«", "»", "’", "“", "—", "…", "\u{A0}", "\u{202F}", "É", "\u{24F}", "\u{250}",
                                      "\u{400}", "\u{482}", "\u{483}", "\u{489}", "\u{48A}", "\u{52F}", "\u{34F}",
                                      "\u{FE0F}", "\u{1F3FB}", "\n", "\n", "\n"]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let scalars = (0..<Int(random.next() % 10)).map { _ in scalars[Int(random.next() % UInt64(scalars.count))] }
            let expected = String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "\n", with: " ")
            #expect(DocumentScanner.lineBreaksAsSpaces(scalars[...]) == expected, "\(scalars)")
        }
        // Every scalar of the ranges read without Foundation, on each side of a line break.
        let plain = (0xA0...0x24F).map { $0 } + (0x400...0x52F).map { $0 } + [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x202F]
        for value in plain {
            let scalar = Unicode.Scalar(UInt32(value))!
            for text in [["a", "\n", scalar], [scalar, "\n", "a"], [scalar, "\n", scalar]] as [[Unicode.Scalar]] {
                let expected = String(String.UnicodeScalarView(text)).replacingOccurrences(of: "\n", with: " ")
                #expect(DocumentScanner.lineBreaksAsSpaces(text[...]) == expected, "\(text)")
            }
        }
        // A slice keeps its own indices: the neighbours looked at are inside it.
        let text: [Unicode.Scalar] = ["\u{301}", "\n", "a", "\n", "\u{301}"]
        #expect(DocumentScanner.lineBreaksAsSpaces(text[1..<4]) == " a ")
    }
}
