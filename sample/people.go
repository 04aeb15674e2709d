package sample

// name is a first or last name as a lead typed it, with the ASCII form used in email addresses.
type name struct {
	display, ascii string
}

// locale says which names, titles and companies suit a lead.
type locale uint8

const (
	global locale = iota
	german
	french
	japanese
	numLocales
)

// firstNames and lastNames are invented combinations of common names: no real person is meant.
func firstNames(l locale) []name {
	switch l {
	case german:
		return []name{
			{"Jürgen", "juergen"}, {"Anja", "anja"}, {"Björn", "bjoern"}, {"Katrin", "katrin"},
			{"Stefan", "stefan"}, {"Sabine", "sabine"}, {"Jörg", "joerg"}, {"Ulrike", "ulrike"},
			{"Matthias", "matthias"}, {"Lena", "lena"}, {"Dieter", "dieter"}, {"Maren", "maren"},
			{"Tobias", "tobias"}, {"Sören", "soeren"}, {"Franziska", "franziska"}, {"Uwe", "uwe"},
		}
	case french:
		return []name{
			{"François", "francois"}, {"Hélène", "helene"}, {"Amélie", "amelie"}, {"Jérôme", "jerome"},
			{"Céline", "celine"}, {"Mathieu", "mathieu"}, {"Chloé", "chloe"}, {"Grégoire", "gregoire"},
			{"Élodie", "elodie"}, {"Sébastien", "sebastien"}, {"Nathalie", "nathalie"}, {"Luc", "luc"},
		}
	case japanese:
		return []name{
			{"花子", "hanako"}, {"健太", "kenta"}, {"美咲", "misaki"}, {"翔太", "shota"},
			{"由美", "yumi"}, {"大輔", "daisuke"}, {"遥", "haruka"}, {"拓海", "takumi"},
			{"優希", "yuki"}, {"さくら", "sakura"}, {"蓮", "ren"}, {"葵", "aoi"},
		}
	}
	return []name{
		{"Emily", "emily"}, {"Michael", "michael"}, {"Sarah", "sarah"}, {"David", "david"},
		{"Jessica", "jessica"}, {"Daniel", "daniel"}, {"Ashley", "ashley"}, {"Matthew", "matthew"},
		{"Jennifer", "jennifer"}, {"Chris", "chris"}, {"Amanda", "amanda"}, {"Ryan", "ryan"},
		{"Megan", "megan"}, {"Kevin", "kevin"}, {"Lauren", "lauren"}, {"Brian", "brian"},
		{"Rachel", "rachel"}, {"Jason", "jason"}, {"Nicole", "nicole"}, {"Eric", "eric"},
		{"Priya", "priya"}, {"Arjun", "arjun"}, {"Wei", "wei"}, {"Mei", "mei"},
		{"José", "jose"}, {"María", "maria"}, {"Zoë", "zoe"}, {"Renée", "renee"},
		{"Łukasz", "lukasz"}, {"Søren", "soren"}, {"Ángel", "angel"}, {"Siobhán", "siobhan"},
		{"Olumide", "olumide"}, {"Aisha", "aisha"}, {"Mateo", "mateo"}, {"Ingrid", "ingrid"},
		{"Tom", "tom"}, {"Kate", "kate"}, {"Sam", "sam"}, {"Alex", "alex"},
		{"Heather", "heather"}, {"Greg", "greg"}, {"Dana", "dana"}, {"Marcus", "marcus"},
	}
}

func lastNames(l locale) []name {
	switch l {
	case german:
		return []name{
			{"Müller", "mueller"}, {"Schröder", "schroeder"}, {"Weiß", "weiss"}, {"Becker", "becker"},
			{"Hoffmann", "hoffmann"}, {"Krüger", "krueger"}, {"Wagner", "wagner"}, {"Schäfer", "schaefer"},
			{"Neumann", "neumann"}, {"Zimmermann", "zimmermann"}, {"Köhler", "koehler"}, {"Brandt", "brandt"},
		}
	case french:
		return []name{
			{"Lefèvre", "lefevre"}, {"Dubois", "dubois"}, {"Moreau", "moreau"}, {"Girard", "girard"},
			{"Fontaine", "fontaine"}, {"Bérenger", "berenger"}, {"Rousseau", "rousseau"}, {"Lemaître", "lemaitre"},
			{"Faure", "faure"}, {"Chevalier", "chevalier"},
		}
	case japanese:
		return []name{
			{"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}, {"田中", "tanaka"},
			{"渡辺", "watanabe"}, {"伊藤", "ito"}, {"山本", "yamamoto"}, {"中村", "nakamura"},
			{"小林", "kobayashi"}, {"加藤", "kato"},
		}
	}
	return []name{
		{"Carter", "carter"}, {"Nguyen", "nguyen"}, {"Patel", "patel"}, {"Thompson", "thompson"},
		{"Garcia", "garcia"}, {"Robinson", "robinson"}, {"Walsh", "walsh"}, {"Kim", "kim"},
		{"Anderson", "anderson"}, {"Brooks", "brooks"}, {"Hughes", "hughes"}, {"Reyes", "reyes"},
		{"Bennett", "bennett"}, {"Foster", "foster"}, {"Coleman", "coleman"}, {"Sullivan", "sullivan"},
		{"O'Brien", "obrien"}, {"McAllister", "mcallister"}, {"Zhang", "zhang"}, {"Chen", "chen"},
		{"Okafor", "okafor"}, {"Haddad", "haddad"}, {"Kowalski", "kowalski"}, {"Lindqvist", "lindqvist"},
		{"Núñez", "nunez"}, {"Peña", "pena"}, {"Gonçalves", "goncalves"}, {"Dvořák", "dvorak"},
		{"Sharma", "sharma"}, {"Iyer", "iyer"}, {"Morgan", "morgan"}, {"Price", "price"},
		{"Fischer-Lang", "fischer-lang"}, {"Van der Berg", "vanderberg"}, {"Ellison", "ellison"}, {"Parker", "parker"},
	}
}

// jobTitles are what leads type into Job Title; some hold commas.
func jobTitles(l locale) []string {
	switch l {
	case german:
		return []string{"Leiterin Marketing", "Geschäftsführer", "Vertriebsleiter", "IT-Leiter", "Einkäufer", "Projektmanagerin"}
	case french:
		return []string{"Directeur Général", "Responsable Marketing", "Chef de projet", "Directrice Commerciale", "Acheteur"}
	case japanese:
		return []string{"マーケティング部 部長", "営業部 課長", "代表取締役", "Marketing Manager", "情報システム部"}
	}
	return []string{
		"Marketing Manager", "Director of Marketing", "VP, Marketing", "VP, Sales", "Sales Operations Analyst",
		"Chief Technology Officer", "IT Director", "Software Engineer", "Senior Software Engineer", "Product Manager",
		"Head of Growth", "Demand Generation Manager", "Marketing Operations Manager", "CEO", "Founder & CEO",
		"Procurement Specialist", "Operations Manager", "Account Executive", "Data Analyst", "HR Business Partner",
		"Director, IT Infrastructure", "Office Manager", "CFO", "Controller", "Solutions Architect", "",
	}
}

// leadSources are values of the Lead Source field, most common first.
func leadSources() []string {
	return []string{
		"Website", "Website", "Website", "Webinar", "Webinar", "Content Syndication", "Trade Show",
		"List Import", "Paid Search", "LinkedIn Lead Gen", "Partner Referral", "Free Trial", "Contact Us",
		"Event - Roadshow", "Sales Prospecting", "",
	}
}

// companyWords build invented company names and domains; the pairs are no real company.
func companyWords() (first, second []string) {
	first = []string{
		"Kestrel", "Bluepeak", "Harborview", "Northwind", "Ironbark", "Silverline", "Copperleaf", "Brightforge",
		"Meridian", "Summitvale", "Redwood", "Lakeshore", "Granite", "Clearwater", "Oakmont", "Falcon",
		"Cobalt", "Evergreen", "Pinecrest", "Stonebridge", "Tidewater", "Westbrook", "Amberly", "Quillon",
		"Novaterra", "Zephyr", "Lumen", "Vantage", "Crescent", "Bramble", "Fernhill", "Halcyon",
		"Ashgrove", "Birchwood", "Cedarline", "Driftwood", "Everlake", "Foxglove", "Glenmore", "Hollowell",
	}
	second = []string{
		"Dynamics", "Systems", "Analytics", "Logistics", "Health", "Labs", "Partners", "Capital",
		"Software", "Networks", "Foods", "Energy", "Robotics", "Consulting", "Media", "Bio",
		"Manufacturing", "Insurance", "Holdings", "Outfitters", "Learning", "Security", "Cloud", "Freight",
	}
	return first, second
}

// germanCompanies and the others are invented regional companies: display name and domain.
func regionalCompanies(l locale) [][2]string {
	switch l {
	case german:
		return [][2]string{
			{"Nordwind Maschinenbau GmbH", "nordwind-maschinenbau.de"}, {"Müller & Söhne Logistik GmbH", "mueller-soehne-logistik.de"},
			{"Bäckerei Kröger KG", "baeckerei-kroeger.de"}, {"Alpenglanz Software AG", "alpenglanz-software.de"},
			{"Rheinfeld Energie GmbH", "rheinfeld-energie.de"}, {"Schwarzwald Präzision GmbH", "sw-praezision.de"},
		}
	case french:
		return [][2]string{
			{"Lumière Conseil SAS", "lumiere-conseil.fr"}, {"Atelier Béranger", "atelier-beranger.fr"},
			{"Groupe Méridien Santé", "meridien-sante.fr"}, {"Boulangeries Dupré & Fils", "dupre-fils.fr"},
		}
	case japanese:
		return [][2]string{
			{"さくら商事株式会社", "sakura-shoji.co.jp"}, {"ひかり電機株式会社", "hikari-denki.co.jp"},
			{"株式会社みどり物流", "midori-butsuryu.co.jp"}, {"Kaede Systems K.K.", "kaede-systems.co.jp"},
		}
	}
	return nil
}
