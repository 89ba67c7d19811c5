@testable import Canonym
import Testing

@Suite struct WadeGilesTests {
    private func read(_ name: String) -> String? { WadeGiles.pinyinReading(of: name)?.joined(separator: " ") }

    @Test func initialsAreReadAsPinyinWritesThem() {
        // Aspirated and plain stops, hs, j, ts and tz.
        #expect(read("P’ei-ch’eng") == "peicheng")
        #expect(read("Pei-tai") == "beidai")
        #expect(read("K'ai-feng") == "kaifeng")
        #expect(read("Kuang-chou") == "guangzhou")
        #expect(read("Hsi-an") == "xian")
        #expect(read("Jih-chao") == "rizhao")
        #expect(read("Tsun-i") == "zunyi")
        #expect(read("Tz'u-hsi") == "cixi")
        // ch and ch’ are j and q before i and ü, zh and ch elsewhere.
        #expect(read("Chiang-yin") == "jiangyin")
        #expect(read("Ch'ing-tao") == "qingdao")
        #expect(read("Ch’ang-sha") == "changsha")
        #expect(read("Cheng-chou") == "zhengzhou")
    }

    @Test func finalsAreReadAsPinyinWritesThem() {
        #expect(read("Lin-hsien") == "linxian")
        #expect(read("Tung-feng") == "dongfeng")
        #expect(read("Shih-chia-chuang") == "shijiazhuang")
        #expect(read("Chia-mu-ssu") == "jiamusi")
        #expect(read("Ho-fei") == "hefei")
        #expect(read("Lo-yang") == "luoyang")
        #expect(read("Yü-lin") == "yulin")
        #expect(read("Yen-an") == "yanan")
        #expect(read("Yu-yang") == "youyang")
    }

    @Test func aLastSyllableNamingTheKindOfPlaceStandsApart() {
        #expect(read("Chiang-yen-chen") == "jiangyan zhen")
        #expect(read("An-lung-hsien") == "anlong xian")
        #expect(read("Ma-lien-chuang") == "malianzhuang", "zhuang is part of the name")
        #expect(read("Chin-shih") == "jinshi", "two syllables: the name itself")
    }

    @Test func onlyWadeGilesIsRead() {
        #expect(read("Saint-Jean-de-Maurienne") == nil)
        #expect(read("Ban-Lan") == nil, "Wade–Giles writes no b")
        #expect(read("Hai-Phong") == nil)
        #expect(read("Ha-Long") == nil, "Wade–Giles writes ung, not ong")
        #expect(read("Aisai-chhi") == nil)
        #expect(read("Shih-kuai-kou-x") == nil)
        #expect(read("Peking") == nil, "no hyphen")
        #expect(read("Хэ-фэй") == nil)
    }

    @Test func theMatcherReadsAWadeGilesQueryAsPinyin() throws {
        let gazetteer = try Gazetteer.load([.text(name: "china.tsv", """
            id\tcanonical\ttype\taliases
            cn:1\tJiangyan\tplace\tJiangyan Zhen
            cn:2\tJiangyin\tplace\t
            cn:3\tPeicheng\tplace\t
            cn:4\tPocheng\tplace\t

            """)])
        let matcher = Matcher(gazetteer: gazetteer)
        let jiangyan = matcher.match("Chiang-yen-chen")
        #expect(jiangyan.entity?.id == "cn:1" && jiangyan.status == .alias)
        let peicheng = matcher.match("P’ei-ch’eng")
        #expect(peicheng.entity?.id == "cn:3" && peicheng.score == 1)
        let fuzzy = try #require(matcher.match("P’ei-ch’eng-chen").best)
        #expect(fuzzy.entity.id == "cn:3")
        let explanation = matcher.explain(fuzzy)
        #expect(explanation.readFromWadeGiles && explanation.lines.contains("read from Wade–Giles as pinyin writes it"))
    }
}
