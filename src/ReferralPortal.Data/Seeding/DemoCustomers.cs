using ReferralPortal.Domain.Customers;

namespace ReferralPortal.Data.Seeding;

internal static class DemoCustomers
{
    public static List<Customer> Create() =>
    [
        new("Lisboa Logística SA", "PT", "Avenida da Liberdade 110", "Lisboa", "1250-146", "Logistics", CompanySize.Large, "https://lisboa-logistica.example", false),
        new("Porto Retail Group", "PT", "Rua de Santa Catarina 300", "Porto", "4000-442", "Retail", CompanySize.Enterprise, null, false),
        new("Coimbra Saúde", "PT", "Rua Larga 5", "Coimbra", "3004-531", "Healthcare", CompanySize.Medium, null, false),
        new("Algarve Hotéis", "PT", "Avenida 5 de Outubro 20", "Faro", "8000-076", "Hospitality", CompanySize.Medium, null, false),
        new("Braga Têxteis", "PT", "Rua do Souto 45", "Braga", "4700-329", "Manufacturing", CompanySize.Small, null, false),
        new("Madrid Energía", "ES", "Calle de Alcalá 50", "Madrid", "28014", "Energy", CompanySize.Enterprise, "https://madrid-energia.example", false),
        new("Barcelona Moda", "ES", "Passeig de Gràcia 80", "Barcelona", "08008", "Retail", CompanySize.Large, null, false),
        new("Valencia Agro", "ES", "Calle de Colón 12", "Valencia", "46004", "Agriculture", CompanySize.Medium, null, false),
        new("Sevilla Turismo", "ES", "Avenida de la Constitución 3", "Sevilla", "41001", "Hospitality", CompanySize.Small, null, false),
        new("Bilbao Industrial", "ES", "Gran Vía 20", "Bilbao", "48001", "Manufacturing", CompanySize.Large, null, false),
        new("Contoso Pharmaceuticals", "US", "500 Main Street", "Boston", "02110", "Healthcare", CompanySize.Enterprise, null, false),
        new("Tailspin Toys", "US", "12 Market Street", "San Francisco", "94105", "Retail", CompanySize.Medium, "https://tailspin.example", false),
        new("Wide World Importers", "US", "77 Harbor Road", "Seattle", "98101", "Logistics", CompanySize.Large, null, false),
        new("Litware Inc", "US", "9 Tech Park", "Austin", "73301", "Software", CompanySize.Medium, null, false),
        new("Woodgrove Bank", "US", "1 Finance Plaza", "New York", "10005", "Financial services", CompanySize.Enterprise, null, false),
        new("Proseware Ltd", "GB", "10 King's Road", "London", "SW3 4UD", "Software", CompanySize.Medium, null, false),
        new("Margie's Travel", "GB", "22 Deansgate", "Manchester", "M3 4LY", "Hospitality", CompanySize.Small, null, false),
        new("Northern Rail Freight", "GB", "5 Station Approach", "Leeds", "LS1 4DY", "Logistics", CompanySize.Large, null, false),
        new("Edinburgh Insurance", "GB", "40 Princes Street", "Edinburgh", "EH2 2BY", "Financial services", CompanySize.Enterprise, null, false),
        new("Berlin Mobility GmbH", "DE", "Friedrichstraße 100", "Berlin", "10117", "Transport", CompanySize.Large, null, false),
        new("München Maschinenbau AG", "DE", "Leopoldstraße 30", "München", "80802", "Manufacturing", CompanySize.Enterprise, null, false),
        new("Hamburg Hafen Logistik", "DE", "Am Sandtorkai 1", "Hamburg", "20457", "Logistics", CompanySize.Large, null, false),
        new("Köln Medien", "DE", "Hohe Straße 60", "Köln", "50667", "Media", CompanySize.Medium, null, false),
        new("São Paulo Varejo", "BR", "Avenida Paulista 1000", "São Paulo", "01310-100", "Retail", CompanySize.Enterprise, null, false),
        new("Rio Energia", "BR", "Avenida Rio Branco 1", "Rio de Janeiro", "20090-003", "Energy", CompanySize.Large, null, false),
        new("Curitiba Agronegócio", "BR", "Rua XV de Novembro 700", "Curitiba", "80020-310", "Agriculture", CompanySize.Medium, null, false),
        new("Belo Horizonte Saúde", "BR", "Avenida Afonso Pena 900", "Belo Horizonte", "30130-003", "Healthcare", CompanySize.Medium, null, false),
        new("Paris Distribution", "FR", "Rue de Rivoli 50", "Paris", "75001", "Retail", CompanySize.Large, null, false),
        new("Lyon Biotech", "FR", "Rue de la République 15", "Lyon", "69002", "Healthcare", CompanySize.Small, null, false),
        new("Amsterdam Fintech BV", "NL", "Damrak 70", "Amsterdam", "1012 LM", "Financial services", CompanySize.Medium, null, false),
        new("Rotterdam Shipping", "NL", "Wilhelminakade 10", "Rotterdam", "3072 AP", "Logistics", CompanySize.Enterprise, null, false),
        new("Milano Design Srl", "IT", "Via Montenapoleone 8", "Milano", "20121", "Retail", CompanySize.Small, null, false),
    ];
}
