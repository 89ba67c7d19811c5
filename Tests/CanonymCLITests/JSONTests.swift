import Foundation
import Canonym
import CanonymTestSupport
import Testing
@testable import CanonymCLI

/// The output encoders are written over bytes for speed; these hold them to the plain versions
/// they replaced, on random text mixing what needs escaping with non-ASCII scalars.
@Suite struct JSONTests {
    /// Scalars that exercise every branch: escapes, other control characters, a combining mark,
    /// a joiner, accented letters, an emoji, and plain letters; the neighbours of the bytes that
    /// need an escape, and letters whose UTF-8 holds those bytes with the top bit set.
    static let scalars: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}",
                                            "é", "\u{301}", "\u{200D}", "Ж", "\u{1F600}", "/", "!", "#", "[", "]", "\u{A2}", "\u{DC}"]

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
            // Up to five blocks of eight bytes, so an escape falls at every place of one.
            let text = String(String.UnicodeScalarView(Self.randomText(&random, length: Int(random.next() % 40))))
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
            let written = record.stringWithLineBreaksAsSpaces("scalars", scalars: Array(texts[2].unicodeScalars)[...], besidePlain: { _ in true })
            #expect(written)
            record.optional("missing", nil)
            record.optional("present", texts[0])
            record.integer("n", number)
            record.number("score", 0.123456)
            let expected = "{" + [Self.referenceString(texts[0]) + ":" + Self.referenceString(texts[1]),
                                  #""scalars":"# + Self.referenceString(String(String.UnicodeScalarView(texts[2].unicodeScalars.map { $0 == "\n" ? " " : $0 }))), #""missing":null"#,
                                  #""present":"# + Self.referenceString(texts[0]), #""n":"# + String(number),
                                  #""score":0.1235"#].joined(separator: ",") + "}\n"
            #expect(String(decoding: record.closed(line: true), as: UTF8.self) == expected, "\(texts)")
        }
    }

    /// Scores are written digit by digit as `JSON.number` prints them: every four-decimal value
    /// of [0, 1], values beside them, and null.
    @Test func numbersAreWrittenAsJSONNumberPrintsThem() {
        var values: [Double?] = [nil, 0, 1, -0.5, 1.00004, 0.99996, 0.00004, 0.00005, 1e-9, 2.5, 123.45678]
        for k in 0...10_000 { values += [Double(k) / 10_000, Double(k) / 10_000 + 0.00004, Double(k) / 10_000 - 0.00004] }
        for value in values {
            var record = JSONObject()
            record.number("s", value)
            #expect(String(decoding: record.closed(), as: UTF8.self) == #"{"s":"# + JSON.number(value) + "}", "\(String(describing: value))")
        }
    }

    /// Records closed one after the other in the same buffer are each whole and alone.
    @Test func aBufferIsEmptyAgainAfterEachRecord() {
        var record = JSONObject(capacity: 8)
        var lines: [String] = []
        for k in 0..<3 {
            record.integer("k", k)
            record.plainString("status", "fuzzy")
            record.withClosedBytes(line: true) { lines.append(String(decoding: $0, as: UTF8.self)) }
        }
        #expect(lines == (0..<3).map { #"{"k":\#($0),"status":"fuzzy"}"# + "\n" })
    }

    /// Runs of plain ASCII, which are written eight scalars at a time, with one scalar that is
    /// not (an escape, a line break, DEL, a letter whose UTF-8 holds a quotation mark's or a
    /// control's bits, a Cyrillic letter, an emoji) at every place of a block and beyond.
    @Test func scalarsAreWrittenAsTheScalarByScalarEncoderWould() {
        let odd: [Unicode.Scalar] = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "\u{A2}", "\u{DC}", "Ж", "\u{1F600}", "\u{122}", "\u{15C}"]
        for scalar in odd {
            for length in 0..<26 {
                for place in 0...length {
                    var text = Array(repeating: Unicode.Scalar("a"), count: length)
                    text.insert(scalar, at: place)
                    var record = JSONObject(capacity: 8)
                    let written = record.stringWithLineBreaksAsSpaces("s", scalars: text[...], besidePlain: { _ in true })
                    let expected = #"{"s":"# + Self.referenceString(String(String.UnicodeScalarView(text.map { $0 == "\n" ? " " : $0 }))) + "}"
                    let json = String(decoding: record.closed(), as: UTF8.self)
                    #expect(written && json == expected, "\(text)")
                }
            }
        }
    }

    /// A line break beside a scalar that is not plain: nothing is written, also as the first field.
    @Test func scalarsRefusedLeaveTheRecordAsItWas() {
        for first in [false, true] {
            var record = JSONObject(capacity: 8)
            if !first { record.integer("n", 1) }
            let refused = !record.stringWithLineBreaksAsSpaces("refused", scalars: ["a", "\n", "\u{301}"], besidePlain: { $0 != "\u{301}" })
            let kept = record.stringWithLineBreaksAsSpaces("kept", scalars: ["a", "\n", "b"], besidePlain: { $0 != "\u{301}" })
            #expect(refused && kept)
            #expect(String(decoding: record.closed(), as: UTF8.self) == (first ? #"{"kept":"a b"}"# : #"{"n":1,"kept":"a b"}"#))
        }
    }

    /// The record's context field as the scanner writes it.
    static func context(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var record = JSONObject()
        ScanRecords.writeLineBreaksAsSpaces(scalars, as: "context", to: &record)
        return String(decoding: record.closed(), as: UTF8.self)
    }

    /// The context as Foundation's replacement makes it.
    static func foundationContext(_ scalars: [Unicode.Scalar]) -> String {
        JSON.object([("context", JSON.string(String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "\n", with: " ")))])
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
            #expect(Self.context(scalars[...]) == Self.foundationContext(scalars), "\(scalars)")
        }
        // Every scalar of the ranges read without Foundation, on each side of a line break.
        let plain = (0xA0...0x24F).map { $0 } + (0x400...0x52F).map { $0 } + [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x202F]
        for value in plain {
            let scalar = Unicode.Scalar(UInt32(value))!
            for text in [["a", "\n", scalar], [scalar, "\n", "a"], [scalar, "\n", scalar]] as [[Unicode.Scalar]] {
                #expect(Self.context(text[...]) == Self.foundationContext(text), "\(text)")
            }
        }
        // A slice keeps its own indices: the neighbours looked at are inside it.
        let text: [Unicode.Scalar] = ["\u{301}", "\n", "a", "\n", "\u{301}"]
        #expect(Self.context(text[1..<4]) == #"{"context":" a "}"#)
    }
}
