"""Name data for the demo municipality.

Every person built from these lists is fictional: common given names and family names of
each origin, combined at random. Staff names avoid the names of the real officials that the
source documents mention.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    nationality: str  # Danish country name, as the case file shows it
    weight: int  # relative share of the demo's citizens (seed 004, lines 85–94, plus Eritrea)
    languages: tuple[str, ...]  # values for Citizen.languages, the first the most common
    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    places: tuple[str, ...]  # where a citizen worked or went to school
    gendered_last: bool = False  # Russian style: Ivanov, Ivanova
    born_in: str = ""  # Danish country name of birth, when it is not the nationality's

    def last_name(self, name: str, *, female: bool) -> str:
        if female and self.gendered_last and name.endswith(("ov", "ev", "in")):
            return name + "a"
        return name


_ARABIC_LEVANT_F = (
    "Amal", "Asma", "Aya", "Batoul", "Dalia", "Fatima", "Ghada", "Hala", "Hanan", "Hiba",
    "Huda", "Iman", "Lama", "Lina", "Maha", "Manal", "Maryam", "Nisreen", "Nour", "Ola",
    "Rania", "Rasha", "Reem", "Rima", "Ruba", "Salma", "Samar", "Sawsan", "Shaza", "Yasmin",
    "Zainab", "Rahaf",
)  # fmt: skip
_ARABIC_LEVANT_M = (
    "Abdulrahman", "Ahmad", "Ammar", "Anas", "Ayham", "Bashar", "Fadi", "Firas", "Ghaith",
    "Hamza", "Hassan", "Hussam", "Ibrahim", "Issam", "Jamal", "Khaled", "Mahmoud", "Majd",
    "Mazen", "Mohammad", "Muhannad", "Mustafa", "Nabil", "Omar", "Osama", "Rami", "Samer",
    "Tarek", "Walid", "Yahya", "Yousef", "Zaid",
)  # fmt: skip

# fmt: off
ORIGINS: tuple[Origin, ...] = (
    Origin(
        nationality="Syrien",
        weight=22,
        languages=("arabisk", "arabisk", "arabisk", "arabisk, engelsk", "kurdisk, arabisk"),
        female=_ARABIC_LEVANT_F,
        male=_ARABIC_LEVANT_M,
        last=(
            "Aboud", "Abdullah", "Al-Ahmad", "Al-Ali", "Al-Hamwi", "Al-Hassan", "Al-Hussein",
            "Al-Khatib", "Al-Masri", "Al-Shami", "Attar", "Darwish", "Haddad", "Halabi", "Hamdan",
            "Hamoud", "Hijazi", "Ibrahim", "Issa", "Kassem", "Khalil", "Kurdi", "Mahmoud",
            "Mansour", "Najjar", "Othman", "Sabbagh", "Saleh", "Shaker", "Suleiman", "Youssef",
            "Zein",
        ),
        places=(
            "Aleppo", "Damaskus", "Homs", "Hama", "Idlib", "Latakia", "Daraa", "Deir ez-Zor",
            "Raqqa", "Qamishli",
        ),
    ),
    Origin(
        nationality="Eritrea",
        weight=6,
        languages=("tigrinya", "tigrinya", "tigrinya, engelsk", "tigrinya, arabisk"),
        female=(
            "Abeba", "Aster", "Azeb", "Eden", "Elsa", "Feven", "Helen", "Hiwet", "Lidia", "Luwam",
            "Mebrat", "Meron", "Rahel", "Saba", "Selam", "Semhar", "Senait", "Tsega", "Winta",
            "Yordanos",
        ),
        male=(
            "Abraham", "Amanuel", "Berhane", "Biniam", "Daniel", "Dawit", "Efrem", "Filmon",
            "Goitom", "Habtom", "Henok", "Kibrom", "Merhawi", "Mulugeta", "Natnael", "Robel",
            "Samuel", "Semere", "Tekle", "Tesfay", "Yonas", "Yosief",
        ),
        last=(
            "Abraha", "Andemariam", "Asmerom", "Berhe", "Gebremariam", "Ghebremedhin", "Ghirmay",
            "Habte", "Haile", "Kidane", "Mehari", "Mesfin", "Negash", "Okbay", "Russom", "Tekle",
            "Tesfamariam", "Tesfay", "Weldemichael", "Woldu", "Yohannes",
        ),
        places=("Asmara", "Keren", "Massawa", "Mendefera", "Barentu"),
    ),
    Origin(
        nationality="Somalia",
        weight=4,
        languages=("somali", "somali", "somali, arabisk", "somali, engelsk"),
        female=(
            "Amina", "Asha", "Ayaan", "Deeqa", "Fadumo", "Halimo", "Hawa", "Hibo", "Hodan", "Idil",
            "Ifrah", "Khadija", "Maryan", "Nimco", "Sagal", "Sahra", "Shukri", "Ubah",
        ),
        male=(
            "Abdiaziz", "Abdi", "Abdirahman", "Abdullahi", "Ahmed", "Ali", "Bashir", "Farah",
            "Guled", "Hamza", "Hassan", "Ibrahim", "Jama", "Liban", "Mahad", "Mohamed", "Mustafe",
            "Omar", "Said", "Yusuf",
        ),
        last=(
            "Abdi", "Abdullahi", "Aden", "Ahmed", "Ali", "Dahir", "Duale", "Egal", "Elmi", "Farah",
            "Guled", "Hassan", "Hirsi", "Hussein", "Ismail", "Jama", "Mire", "Mohamed", "Mohamud",
            "Nur", "Omar", "Osman", "Warsame", "Yusuf",
        ),
        places=("Mogadishu", "Kismayo", "Baidoa", "Beledweyne", "Hargeisa"),
    ),
    Origin(
        nationality="Iran",
        weight=3,
        languages=("farsi", "farsi", "farsi, engelsk", "kurdisk, farsi"),
        female=(
            "Azadeh", "Elham", "Farnaz", "Fatemeh", "Leila", "Mahsa", "Maryam", "Mina", "Nasrin",
            "Neda", "Niloufar", "Parisa", "Roya", "Samira", "Sara", "Shirin", "Soheila", "Zahra",
        ),
        male=(
            "Ali", "Amir", "Arash", "Babak", "Behzad", "Dariush", "Ehsan", "Farhad", "Hamid",
            "Hossein", "Kaveh", "Mehdi", "Mohsen", "Omid", "Peyman", "Reza", "Saeed", "Siamak",
        ),
        last=(
            "Ahmadi", "Akbari", "Amini", "Bagheri", "Ebrahimi", "Ghorbani", "Heidari", "Hosseini",
            "Jafari", "Karimi", "Kazemi", "Mohammadi", "Moradi", "Nazari", "Rahimi", "Rezaei",
            "Sadeghi", "Salehi", "Tehrani", "Zamani",
        ),
        places=("Teheran", "Shiraz", "Isfahan", "Mashhad", "Ahvaz", "Tabriz"),
    ),
    Origin(
        nationality="Rusland",
        weight=3,
        languages=("russisk", "russisk", "russisk, engelsk", "tjetjensk, russisk"),
        female=(
            "Alina", "Anastasia", "Daria", "Ekaterina", "Elena", "Irina", "Ksenia", "Maria",
            "Marina", "Natalia", "Olga", "Svetlana", "Tatiana", "Yulia",
        ),
        male=(
            "Aleksandr", "Aleksei", "Andrei", "Artem", "Denis", "Dmitri", "Igor", "Ivan", "Kirill",
            "Maksim", "Mikhail", "Nikolai", "Oleg", "Pavel", "Roman", "Sergei", "Vladimir", "Yuri",
        ),
        last=(
            "Alekseev", "Egorov", "Fedorov", "Ivanov", "Kozlov", "Kuznetsov", "Lebedev",
            "Mikhailov", "Morozov", "Novikov", "Pavlov", "Petrov", "Popov", "Semenov", "Smirnov",
            "Sokolov", "Vasiliev", "Volkov",
        ),
        places=("Moskva", "Sankt Petersborg", "Grozny", "Kazan", "Makhachkala"),
        gendered_last=True,
    ),
    Origin(
        nationality="Afghanistan",
        weight=2,
        languages=("dari", "dari", "pashto", "dari, pashto"),
        female=(
            "Farida", "Fatima", "Fereshta", "Habiba", "Laila", "Mariam", "Marzia", "Nazia",
            "Nilofar", "Parwana", "Roya", "Shabnam", "Sima", "Soraya", "Zahra", "Zarghona",
        ),
        male=(
            "Abdul", "Ahmad", "Ajmal", "Bashir", "Farid", "Hamid", "Hamidullah", "Jawad", "Karim",
            "Mansoor", "Mohammad", "Mustafa", "Naser", "Naveed", "Omid", "Rahim", "Sayed", "Shafiq",
            "Wahid", "Zabihullah",
        ),
        last=(
            "Ahmadi", "Amiri", "Azizi", "Habibi", "Haidari", "Hakimi", "Hashimi", "Hotak", "Jalali",
            "Karimi", "Mohammadi", "Nazari", "Noori", "Popal", "Rahimi", "Rasuli", "Sadat", "Safi",
            "Stanikzai", "Sultani", "Wardak", "Yousufzai",
        ),
        places=("Kabul", "Herat", "Mazar-i-Sharif", "Kandahar", "Jalalabad", "Ghazni"),
    ),
    Origin(
        # Lhotshampa: stateless, born in Bhutan, grew up in the camps in eastern Nepal.
        nationality="Statsløs",
        born_in="Bhutan",
        weight=2,
        languages=("nepalesisk", "nepalesisk", "nepalesisk, engelsk"),
        female=(
            "Bhagawati", "Bishnu", "Devi", "Durga", "Ganga", "Kamala", "Laxmi", "Maya", "Mina",
            "Pabitra", "Radha", "Sarita", "Sita", "Tika",
        ),
        male=(
            "Bal", "Bhim", "Chandra", "Dhan", "Dil", "Ganesh", "Hari", "Krishna", "Mani", "Nar",
            "Om", "Purna", "Ram", "Santosh", "Tek",
        ),
        last=(
            "Adhikari", "Bhattarai", "Biswa", "Chhetri", "Dahal", "Dhungel", "Ghimire", "Gurung",
            "Khatiwada", "Mishra", "Mongar", "Niroula", "Pokhrel", "Rai", "Sharma", "Subba",
            "Tamang", "Thapa",
        ),
        places=("Damak", "Jhapa", "Beldangi", "Sanischare"),
    ),
    Origin(
        nationality="Belarus",
        weight=1,
        languages=("russisk", "russisk, hviderussisk"),
        female=(
            "Alena", "Hanna", "Iryna", "Katsiaryna", "Maryia", "Nasta", "Sviatlana", "Tatsiana",
            "Volha", "Yulia",
        ),
        male=(
            "Aliaksandr", "Aliaksei", "Andrei", "Dzmitry", "Ihar", "Mikalai", "Pavel", "Raman",
            "Siarhei", "Uladzimir", "Viktar", "Yauhen",
        ),
        last=(
            "Bahdanovich", "Karpovich", "Kasperovich", "Kavalyov", "Lukashevich", "Melnik", "Novik",
            "Radkevich", "Sinkevich", "Yakubovich", "Zhuk",
        ),
        places=("Minsk", "Homel", "Brest", "Hrodna", "Vitsebsk"),
        gendered_last=True,
    ),
    Origin(
        nationality="Egypten",
        weight=1,
        languages=("arabisk", "arabisk, engelsk"),
        female=(
            "Amira", "Aya", "Dina", "Doaa", "Heba", "Marwa", "Mona", "Nermeen", "Rana", "Sara",
            "Shaimaa", "Yasmin",
        ),
        male=(
            "Ahmed", "Amr", "Hany", "Karim", "Mahmoud", "Mina", "Mohamed", "Mostafa", "Sherif",
            "Tamer", "Waleed", "Youssef",
        ),
        last=(
            "Abdel-Aziz", "El-Sayed", "Farouk", "Fathy", "Gamal", "Hassan", "Ibrahim", "Mansour",
            "Mostafa", "Ragab", "Salem", "Shehata", "Soliman", "Zaki",
        ),
        places=("Kairo", "Alexandria", "Giza", "Asyut"),
    ),
    Origin(
        nationality="Elfenbenskysten",
        weight=1,
        languages=("fransk", "fransk, baoulé", "fransk, dioula"),
        female=(
            "Adjoua", "Affoué", "Ahou", "Akissi", "Amenan", "Awa", "Aya", "Christelle", "Clarisse",
            "Estelle", "Fatou", "Mariam", "Nadège",
        ),
        male=(
            "Arsène", "Didier", "Hervé", "Ibrahim", "Jean-Baptiste", "Koffi", "Konan", "Kouadio",
            "Kouamé", "Kouassi", "Moussa", "Serge", "Seydou", "Yao", "Yves",
        ),
        last=(
            "Aka", "Bamba", "Brou", "Coulibaly", "Diabaté", "Kacou", "Koffi", "Konan", "Koné",
            "Kouamé", "Kouassi", "N'Guessan", "Ouattara", "Tanoh", "Touré", "Traoré", "Yao",
        ),
        places=("Abidjan", "Bouaké", "Yamoussoukro", "Daloa", "San-Pédro"),
    ),
    Origin(
        # Most refugees from Kuwait are stateless Bidoon; the seed counts them under Kuwait.
        nationality="Kuwait",
        weight=1,
        languages=("arabisk", "arabisk, engelsk"),
        female=("Asmaa", "Dalal", "Fatma", "Hessa", "Latifa", "Mariam", "Noura", "Shaikha"),
        male=(
            "Abdullah", "Fahad", "Faisal", "Hamad", "Jassim", "Mubarak", "Nasser", "Saad", "Salem",
            "Talal",
        ),
        last=(
            "Al-Anezi", "Al-Dhafiri", "Al-Enezi", "Al-Fadhli", "Al-Harbi", "Al-Mutairi",
            "Al-Rashidi", "Al-Shammari",
        ),
        places=("Kuwait by", "Al Jahra", "Al Ahmadi"),
    ),
    Origin(
        nationality="Tunesien",
        weight=1,
        languages=("arabisk", "arabisk, fransk"),
        female=("Amel", "Asma", "Ines", "Leila", "Meriem", "Nadia", "Olfa", "Rim", "Sonia", "Wafa"),
        male=(
            "Anis", "Bilel", "Hamdi", "Karim", "Mehdi", "Mohamed", "Nizar", "Sami", "Slim", "Walid",
            "Yassine",
        ),
        last=(
            "Ben Ali", "Ben Amor", "Ben Salah", "Chaabane", "Gharbi", "Hammami", "Jaziri",
            "Khelifi", "Mabrouk", "Trabelsi", "Zouari",
        ),
        places=("Tunis", "Sfax", "Sousse", "Gabès", "Kairouan"),
    ),
)
# fmt: on

# Staff: common Danish names. First names used by officials named in seeds/ are left out.
STAFF_FEMALE = (
    "Mette", "Hanne", "Lene", "Susanne", "Camilla", "Louise", "Charlotte", "Helle", "Tina",
    "Pia", "Marianne", "Karina", "Line", "Julie", "Signe", "Trine", "Maja", "Sofie", "Ida",
    "Malene", "Jette", "Bente", "Inge", "Lone",
)  # fmt: skip
STAFF_MALE = (
    "Jens", "Søren", "Henrik", "Thomas", "Michael", "Martin", "Rasmus", "Jesper", "Kasper",
    "Niels", "Morten", "Anders", "Christian", "Jakob", "Frederik", "Mikkel", "Ole", "Bo",
    "Torben", "Jan", "Steen", "Allan", "Brian", "Emil",
)  # fmt: skip
STAFF_LAST = (
    "Jensen", "Hansen", "Andersen", "Christensen", "Rasmussen", "Jørgensen", "Petersen",
    "Madsen", "Kristensen", "Thomsen", "Poulsen", "Johansen", "Møller", "Knudsen", "Jakobsen",
    "Mikkelsen", "Frederiksen", "Laursen", "Eriksen", "Holm", "Clausen", "Simonsen",
    "Svendsen", "Andreasen", "Iversen", "Jeppesen", "Mogensen", "Bach", "Friis", "Dahl",
    "Kjær", "Damgaard", "Vinther", "Lindberg", "Krogh", "Bruun", "Juhl", "Kjeldsen",
)  # fmt: skip

# Towns of Hedensted Kommune and their postcodes; the weight is roughly their size.
TOWNS: tuple[tuple[str, str, int], ...] = (
    ("Hedensted", "8722", 30),
    ("Juelsminde", "7130", 12),
    ("Tørring", "7160", 12),
    ("Løsning", "8723", 10),
    ("Uldum", "7171", 8),
    ("Daugård", "8721", 6),
    ("Stouby", "7140", 6),
    ("Barrit", "7150", 4),
)
STREETS = (
    "Birkevej", "Lindevej", "Ahornvej", "Granvej", "Egevej", "Bøgevej", "Kastanjevej",
    "Skolevej", "Kirkevej", "Stationsvej", "Møllevej", "Engvej", "Bakkevej", "Søndergade",
    "Nørregade", "Østergade", "Vestergade", "Torvegade", "Markvej", "Åvænget", "Solvænget",
    "Rosenvænget", "Parkvej", "Tværvej",
)  # fmt: skip
