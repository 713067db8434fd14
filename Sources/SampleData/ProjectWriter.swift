import DataContract

/// Writes one project's folder.
struct ProjectWriter {
    let template: ProjectTemplate
    let index: Int
    let scale: Int
    let attendanceFactor: Int
    let folder: String
    /// Without the deliberate defects below (for tools that stop at the first bad row).
    let clean: Bool

    static let districts = [
        "종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구", "은평구", "서대문구",
        "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구", "강동구",
    ]
    /// Rough population weights (thousands), so citywide projects look like Seoul.
    static let districtWeights: [Double] = [
        139, 121, 210, 280, 335, 345, 380, 430, 285, 300, 495, 460, 305, 360, 435, 555, 395, 230, 375, 380, 485, 410, 555, 650, 465,
    ]
    static let ageBands = ["0-19", "20-29", "30-39", "40-49", "50-64", "65-74", "75+"]

    struct Participant {
        var id: String
        var joined: Day
        var income: String
        /// How keen: keen people come more often, which gives participation its spread.
        var keenness: Double
    }

    /// The deliberate defects, by project position, so every data set shows each path once.
    private func defect(at position: Int) -> Bool { !clean && index == position }
    var participantsEncoding: CSVFileWriter.Encoding { defect(at: 0) ? .cp949 : .utf8 }
    var activitiesEncoding: CSVFileWriter.Encoding { defect(at: 1) ? .utf8WithBOM : .utf8 }
    var hasProposalsFile: Bool { !defect(at: 4) }

    func write(_ random: inout RandomSource) throws -> SampleGenerator.Summary {
        var summary = SampleGenerator.Summary()
        func done(_ writer: CSVFileWriter) throws {
            try writer.close()
            summary.files += 1
            summary.rows += writer.rows
            summary.bytes += writer.bytes
        }
        let start = max(Day(iso: template.startDate)!, SampleGenerator.firstQuarter.firstDay)
        let end = SampleGenerator.lastQuarter.lastDay

        // participants.csv
        let participantHeader = index == 2
            ? ["participant_id", "district", "gender", "age_band", "income_band", "disability", "role", "joined_on", "memo"]
            : ["participant_id", "district", "gender", "age_band", "income_band", "disability", "role", "joined_on"]
        let participantsFile = try CSVFileWriter(
            path: folder + "/participants.csv", header: participantHeader, encoding: participantsEncoding, crlf: index == 0)
        // People are written in the order they joined, so those who had joined by a day are a
        // prefix of the list and choosing attendees needs no search.
        let count = template.target * scale * 8 / 5
        let joinedDays = (0..<count).map { _ in
            Day(ordinal: start.ordinal + Int32(random.int(0...Int(end.ordinal - start.ordinal) * 2 / 3)))
        }.sorted()
        var people: [Participant] = []
        for (n, joined) in joinedDays.enumerated() {
            let id = String(format: "P%06d", n + 1)
            let district: String
            if random.chance(0.03) {
                district = "기타"
            } else if let home = template.homeDistrict, random.chance(0.75) {
                district = home
            } else {
                district = Self.districts[random.weighted(Self.districtWeights)]
            }
            let gender = ["F", "M", "X", ""][random.weighted([0.55, 0.41, 0.01, 0.03])]
            let age = Self.ageBands[random.weighted(template.ageWeights)]
            let income = ["low", "middle", "high", ""][random.weighted([0.22, 0.52, 0.16, 0.10])]
            let disability = random.chance(0.06) ? "Y" : "N"
            let role = ["resident", "organizer", "expert", "official"][random.weighted([0.85, 0.08, 0.04, 0.03])]
            var row = [id, district, gender, age, income, disability, role, joined.description]
            if index == 2 { row.append(random.chance(0.1) ? "연락처 변경, 재확인 필요" : "") }
            participantsFile.row(row)
            people.append(Participant(id: id, joined: joined, income: income, keenness: 0.2 + random.unit() * random.unit() * 3))
        }
        try done(participantsFile)

        // activities.csv and attendance.csv
        let activitiesFile = try CSVFileWriter(
            path: folder + "/activities.csv",
            header: ["activity_id", "date", "district", "kind", "resident_led", "tech_linked", "cost_krw"], encoding: activitiesEncoding)
        // Columns in another order than DATA.md's, as offices do; they are found by name.
        let attendanceFile = try CSVFileWriter(path: folder + "/attendance.csv", header: ["participant_id", "activity_id", "date"])
        var activityCount = 0
        for quarterOffset in 0...(SampleGenerator.lastQuarter.index - SampleGenerator.firstQuarter.index) {
            let quarter = SampleGenerator.firstQuarter.advanced(by: quarterOffset)
            guard quarter.lastDay >= start, !template.quietQuarters.contains(quarterOffset) else { continue }
            let first = max(quarter.firstDay, start)
            for _ in 0..<(random.int(8...14) * scale) {
                activityCount += 1
                let id = String(format: "A%06d", activityCount)
                let day = Day(ordinal: first.ordinal + Int32(random.int(0...Int(quarter.lastDay.ordinal - first.ordinal))))
                let district = template.homeDistrict ?? Self.districts[random.weighted(Self.districtWeights)]
                activitiesFile.row([
                    id, day.description, district, random.pick(template.activityKinds),
                    random.chance(template.residentLed) ? "Y" : "N", random.chance(template.techLinked) ? "Y" : "N",
                    String(random.int(2...60) * 50_000),
                ])
                var low = 0
                var high = people.count
                while low < high {
                    let middle = (low + high) / 2
                    if people[middle].joined <= day { low = middle + 1 } else { high = middle }
                }
                let eligible = people[..<low]
                guard !eligible.isEmpty else { continue }
                let wanted = min(eligible.count, random.int(6...24) * attendanceFactor)
                var chosen = Set<Int>()
                var tries = 0
                while chosen.count < wanted && tries < wanted * 20 {
                    tries += 1
                    let candidate = random.int(0...eligible.count - 1)
                    if random.unit() * 3.2 < eligible[candidate].keenness { chosen.insert(candidate) }
                }
                for candidate in chosen.sorted() {
                    attendanceFile.row([eligible[candidate].id, id, day.description])
                }
            }
        }
        if defect(at: 2) {
            // Three broken rows: a day that does not exist, an unknown person, a missing field.
            attendanceFile.rawLine("P000001,A000001,2026-02-30")
            attendanceFile.rawLine("P999999,A000001,2026-08-03")
            attendanceFile.rawLine("P000002,A000001")
        }
        try done(activitiesFile)
        try done(attendanceFile)

        // proposals.csv: missing for one project (no proposals programme), header-only for another.
        if hasProposalsFile {
            let proposalsFile = try CSVFileWriter(
                path: folder + "/proposals.csv", header: ["proposal_id", "participant_id", "submitted_on", "status", "decided_on"])
            let count = Int(Double(people.count) * template.proposalRate)
            // Adoption differs by income band, which is what adoption parity measures.
            let adoption = ["low": 0.22, "middle": 0.34, "high": 0.40, "": 0.3]
            for n in 0..<count {
                let person = people[random.int(0...people.count - 1)]
                let submitted = Day(ordinal: person.joined.ordinal + Int32(random.int(0...200)))
                guard submitted <= end else { continue }
                let decided = Day(ordinal: submitted.ordinal + Int32(random.int(20...120)))
                let status = decided > end ? "pending" : (random.chance(adoption[person.income]!) ? "adopted" : "rejected")
                proposalsFile.row([
                    String(format: "PR%05d", n + 1), person.id, submitted.description, status, status == "pending" ? "" : decided.description,
                ])
            }
            if defect(at: 1) {
                proposalsFile.rawLine("PR00001,P000003,2026-07-01,adopted,2026-08-01")
                proposalsFile.rawLine("PR99001,P000004,2026-07-02,approved,2026-08-02")
            }
            try done(proposalsFile)
        }

        // finance.csv: monthly amounts per source, varied.
        let financeFile = try CSVFileWriter(path: folder + "/finance.csv", header: ["date", "source", "amount_krw"])
        var month = Day(year: start.components.year, month: start.components.month, day: 1)!
        while month <= end {
            for source in ["public_grant", "self_revenue", "private_donation", "crowdfunding", "in_kind"] {
                guard let base = template.funding[source], random.chance(source == "public_grant" ? 1 : 0.6) else { continue }
                let amount = base * scale * random.int(70...130) / 100 / 1000 * 1000
                financeFile.row([Day(ordinal: month.ordinal + Int32(random.int(0...25))).description, source, String(amount)])
            }
            let (y, m, _) = month.components
            month = Day(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)!
        }
        if defect(at: 3) { financeFile.rawLine("2026-08-14,private_donation,-500000") }
        try done(financeFile)

        // milestones.csv: header only for the youngest project, which has none yet.
        let milestonesFile = try CSVFileWriter(path: folder + "/milestones.csv", header: ["date", "stage", "partner", "partner_sector", "note"])
        if !defect(at: 5) || scale > 1 {
            let partners = [
                ("서울시 \(template.department)", "public"), ("\(template.homeDistrict ?? "서울") 주민자치회", "civil"),
                ("서울시립대학교 도시과학연구원", "academic"), ("(주)한빛소셜랩", "private"), ("서울시사회적경제지원센터", "public"),
            ]
            for (stage, quarterOffset) in template.stages {
                let quarter = SampleGenerator.firstQuarter.advanced(by: quarterOffset)
                let day = Day(ordinal: quarter.firstDay.ordinal + Int32(random.int(0...80)))
                let partner = partners[random.int(0...min(partners.count - 1, 1 + quarterOffset))]
                milestonesFile.row([day.description, stage, partner.0, partner.1, "\(stage) 단계 진입, 협약 \"\(partner.0)\"과 체결\n후속 논의 예정"])
            }
        }
        try done(milestonesFile)
        return summary
    }
}
