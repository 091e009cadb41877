/// The services the generator draws on, grouped as the register groups them, with which
/// tier of council provides each (trading standards is a county or unitary function;
/// waste collection a district one).
struct CatalogueService {
    enum Tier { case upper, lower, any }

    var area: String
    var service: String
    var tier: Tier
    /// Relative frequency among councils' own arrangements.
    var weight: Int
    /// How the service reads in a name ("Building Control") and in a sentence ("building control").
    var title: String {
        service.split(separator: " ").map { word in
            ["and", "of", "the"].contains(word) ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
    var phrase: String { service.prefix(1).lowercased() + service.dropFirst() }
}

enum ServiceCatalogue {
    static let councilServices: [CatalogueService] = [
        .init(area: "Back office", service: "Procurement", tier: .any, weight: 40),
        .init(area: "Back office", service: "Legal services", tier: .any, weight: 40),
        .init(area: "Back office", service: "ICT", tier: .any, weight: 40),
        .init(area: "Back office", service: "Human resources", tier: .any, weight: 25),
        .init(area: "Back office", service: "Finance", tier: .any, weight: 20),
        .init(area: "Back office", service: "Internal audit", tier: .any, weight: 35),
        .init(area: "Back office", service: "Revenues and benefits", tier: .lower, weight: 35),
        .init(area: "Back office", service: "Payroll", tier: .any, weight: 15),
        .init(area: "Back office", service: "Customer services", tier: .any, weight: 12),
        .init(area: "Back office", service: "Democratic services", tier: .any, weight: 6),
        .init(area: "Back office", service: "Insurance and risk", tier: .any, weight: 8),
        .init(area: "Back office", service: "Multiple back-office services", tier: .any, weight: 20),
        .init(area: "Management", service: "Shared chief executive", tier: .lower, weight: 14),
        .init(area: "Management", service: "Shared management team", tier: .any, weight: 18),
        .init(area: "Management", service: "Shared workforce", tier: .lower, weight: 6),
        .init(area: "Regulatory services", service: "Trading standards", tier: .upper, weight: 14),
        .init(area: "Regulatory services", service: "Environmental health", tier: .lower, weight: 18),
        .init(area: "Regulatory services", service: "Building control", tier: .lower, weight: 22),
        .init(area: "Regulatory services", service: "Licensing", tier: .lower, weight: 8),
        .init(area: "Regulatory services", service: "Planning", tier: .lower, weight: 10),
        .init(area: "Regulatory services", service: "Land charges", tier: .lower, weight: 4),
        .init(area: "Environment and waste", service: "Waste collection", tier: .lower, weight: 16),
        .init(area: "Environment and waste", service: "Waste disposal", tier: .upper, weight: 6),
        .init(area: "Environment and waste", service: "Street cleansing", tier: .lower, weight: 6),
        .init(area: "Environment and waste", service: "Grounds maintenance", tier: .lower, weight: 5),
        .init(area: "Environment and waste", service: "Parking enforcement", tier: .lower, weight: 7),
        .init(area: "Community safety", service: "Emergency planning", tier: .any, weight: 10),
        .init(area: "Community safety", service: "CCTV monitoring", tier: .lower, weight: 6),
        .init(area: "Health and social care", service: "Adult social care", tier: .upper, weight: 6),
        .init(area: "Health and social care", service: "Children's services", tier: .upper, weight: 5),
        .init(area: "Health and social care", service: "Public health", tier: .upper, weight: 7),
        .init(area: "Assets and property", service: "Property and estates", tier: .any, weight: 9),
        .init(area: "Assets and property", service: "Facilities management", tier: .any, weight: 5),
        .init(area: "Culture and leisure", service: "Libraries", tier: .upper, weight: 5),
        .init(area: "Culture and leisure", service: "Leisure services", tier: .lower, weight: 5),
        .init(area: "Culture and leisure", service: "Archives", tier: .upper, weight: 3),
        .init(area: "Housing", service: "Housing options and homelessness", tier: .lower, weight: 6),
        .init(area: "Housing", service: "Private sector housing", tier: .lower, weight: 3),
        .init(area: "Economic development", service: "Economic development", tier: .any, weight: 6),
        .init(area: "Economic development", service: "Tourism promotion", tier: .lower, weight: 3),
        .init(area: "Transport and highways", service: "Highways maintenance", tier: .upper, weight: 5),
        .init(area: "Transport and highways", service: "Concessionary travel", tier: .upper, weight: 3),
    ]

    /// Services a whole county shares with its districts.
    static let countyWideServices = [
        "Procurement", "ICT", "Internal audit", "Building control", "Emergency planning", "Revenues and benefits",
        "Multiple back-office services", "Property and estates", "Economic development", "Payroll",
    ]

    /// Services shared with fire, police or health partners, by partner sector.
    static let crossSectorServices: [Sector: [CatalogueService]] = [
        .fire: [
            .init(area: "Community safety", service: "Fire and rescue collaboration", tier: .upper, weight: 4),
            .init(area: "Community safety", service: "Emergency planning", tier: .any, weight: 3),
            .init(area: "Assets and property", service: "Shared buildings", tier: .any, weight: 3),
        ],
        .police: [
            .init(area: "Community safety", service: "Community safety partnership", tier: .any, weight: 4),
            .init(area: "Community safety", service: "CCTV monitoring", tier: .lower, weight: 3),
            .init(area: "Assets and property", service: "Shared buildings", tier: .any, weight: 2),
        ],
        .health: [
            .init(area: "Health and social care", service: "Integrated health and social care", tier: .upper, weight: 5),
            .init(area: "Health and social care", service: "Public health", tier: .upper, weight: 2),
            .init(area: "Back office", service: "Multiple back-office services", tier: .any, weight: 2),
        ],
    ]
}
