"""Demo content for Manchette: sections, authors, articles, flashes and topics.

All names of journalists and of quoted people are invented; the news is fictional.
"""

from __future__ import annotations

SECTIONS = [
    {
        "slug": "international",
        "title": "International",
        "intro": (
            "L’actualité du monde, de l’Europe aux grandes négociations internationales, "
            "racontée par nos correspondants et envoyés spéciaux."
        ),
    },
    {
        "slug": "france",
        "title": "France",
        "intro": (
            "Politique, société, territoires : les débats et les événements qui font la vie du "
            "pays, de Paris aux outre-mer."
        ),
    },
    {
        "slug": "economie",
        "title": "Économie",
        "intro": (
            "Conjoncture, entreprises, emploi et pouvoir d’achat : comprendre les chiffres et "
            "ceux qui les vivent."
        ),
    },
    {
        "slug": "culture",
        "title": "Culture",
        "intro": (
            "Cinéma, livres, scènes, musique et patrimoine : nos choix, nos critiques et nos "
            "rencontres."
        ),
    },
    {
        "slug": "sport",
        "title": "Sport",
        "intro": (
            "Rugby, football, athlétisme, cyclisme et sport amateur : les résultats, les récits "
            "et les enjeux."
        ),
    },
    {
        "slug": "sciences",
        "title": "Sciences & environnement",
        "intro": (
            "Climat, biodiversité, santé, espace et archéologie : l’actualité de la recherche et "
            "de la planète."
        ),
    },
]

AUTHORS = [
    {
        "slug": "claire-morel",
        "name": "Claire Morel",
        "role": "Journaliste, service International",
        "bio": (
            "Claire Morel a rejoint la rédaction après plusieurs années de correspondance en "
            "Afrique de l’Ouest. Elle suit la diplomatie, les questions climatiques et les "
            "grandes négociations internationales."
        ),
    },
    {
        "slug": "julien-lefevre",
        "name": "Julien Lefèvre",
        "role": "Correspondant à Bruxelles",
        "bio": (
            "Julien Lefèvre couvre les institutions européennes depuis Bruxelles. Passé par la "
            "rubrique économie, il s’intéresse particulièrement aux politiques agricoles, "
            "commerciales et de transport."
        ),
    },
    {
        "slug": "marc-perrin",
        "name": "Marc Perrin",
        "role": "Grand reporter",
        "bio": (
            "Marc Perrin raconte depuis vingt ans les crises humanitaires et les bouleversements "
            "climatiques. Il a notamment couvert plusieurs catastrophes naturelles en Afrique "
            "australe et dans le Pacifique. Il intervient aussi régulièrement dans les pages "
            "France."
        ),
    },
    {
        "slug": "sophie-garnier",
        "name": "Sophie Garnier",
        "role": "Journaliste, service France",
        "bio": (
            "Sophie Garnier suit la vie parlementaire, l’éducation et les collectivités locales. "
            "Originaire de Lyon, elle a débuté dans la presse quotidienne régionale avant de "
            "rejoindre la rédaction."
        ),
    },
    {
        "slug": "antoine-roux",
        "name": "Antoine Roux",
        "role": "Journaliste, service Économie",
        "bio": (
            "Antoine Roux couvre la conjoncture, la politique monétaire et la vie des "
            "entreprises. Diplômé en économie, il a travaillé plusieurs années pour une agence "
            "de presse financière."
        ),
    },
    {
        "slug": "nadia-benali",
        "name": "Nadia Benali",
        "role": "Journaliste, service Culture",
        "bio": (
            "Nadia Benali écrit sur le cinéma, le théâtre et la littérature. Elle anime "
            "également le podcast culturel hebdomadaire de la rédaction et couvre chaque été les "
            "festivals."
        ),
    },
    {
        "slug": "thomas-girard",
        "name": "Thomas Girard",
        "role": "Journaliste, service Sport",
        "bio": (
            "Thomas Girard suit le rugby, l’athlétisme et le cyclisme. Ancien demi d’ouverture "
            "en division fédérale, il a couvert plusieurs Coupes du monde et Tours de France."
        ),
    },
    {
        "slug": "elise-fournier",
        "name": "Élise Fournier",
        "role": "Journaliste, service Sciences & environnement",
        "bio": (
            "Élise Fournier couvre le climat, la biodiversité et la recherche scientifique. "
            "Titulaire d’un doctorat en océanographie, elle a rejoint la rédaction après un "
            "passage par la médiation scientifique."
        ),
    },
]

ARTICLES = [
    {
        "section": "international",
        "kicker": "Pêche",
        "title": (
            "Quotas de pêche : les Vingt-Sept s’accordent sur une baisse mesurée en Méditerranée"
        ),
        "standfirst": (
            "Après une nuit de négociations à Bruxelles, les ministres européens ont fixé les "
            "possibilités de pêche pour l’an prochain. Les chalutiers français échappent au "
            "scénario le plus sévère."
        ),
        "authors": ["julien-lefevre"],
        "source": "avec AFP",
        "dateline": "Bruxelles",
        "hours_ago": 20,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Il était un peu plus de 5 heures du matin lorsque la présidence du Conseil a "
                "annoncé l’accord. Réunis depuis la veille à Bruxelles, les ministres de la "
                "pêche des Vingt-Sept ont adopté une réduction de 7 % du nombre de jours en mer "
                "autorisés pour les chalutiers opérant en Méditerranée occidentale, loin des 25 "
                "% initialement proposés par la Commission. Les stocks de merlu et de rouget "
                "restent pourtant jugés fragiles par les scientifiques.",
            ),
            (
                "paragraph",
                "Pour la France, l’Espagne et l’Italie, qui concentrent l’essentiel de la flotte "
                "concernée, le compromis est présenté comme une victoire. « Nous avons évité un "
                "effondrement de l’activité dans les ports », s’est félicité un diplomate "
                "français à la sortie de la réunion. En contrepartie, les États membres "
                "s’engagent à étendre les zones de fermeture temporaire destinées à protéger les "
                "juvéniles, notamment dans le golfe du Lion.",
            ),
            ("heading", "Des pêcheurs marseillais partagés"),
            (
                "paragraph",
                "À Marseille, où une quarantaine de chalutiers et de petits métiers débarquent "
                "encore chaque matin sur le Vieux-Port, l’annonce a été accueillie avec "
                "soulagement, mais sans enthousiasme. Les professionnels dénoncent depuis des "
                "années un empilement de règles qu’ils jugent difficilement lisibles, alors que "
                "le prix du gazole a fortement pesé sur leurs comptes. Plusieurs armateurs "
                "réclament un plan d’accompagnement de l’UE pour moderniser des navires souvent "
                "vieux de plus de trente ans.",
            ),
            (
                "quote",
                "On nous demande de pêcher moins, on le comprend. Mais il faut nous laisser le "
                "temps de nous adapter, sinon les jeunes ne reprendront pas les bateaux.",
                "Gérard Santoni, président d’une coopérative de pêcheurs marseillais",
            ),
            (
                "paragraph",
                "Les organisations environnementales, elles, jugent l’accord insuffisant. Selon "
                "elles, l’Union européenne continue de fixer des plafonds supérieurs aux "
                "recommandations scientifiques, au risque de compromettre le renouvellement des "
                "espèces. Elles rappellent que la Méditerranée reste l’une des mers les plus "
                "surexploitées du monde, avec près de 60 % des stocks évalués pêchés au-delà des "
                "seuils jugés durables.",
            ),
            (
                "paragraph",
                "Les quotas de l’Atlantique, qui concernent davantage les ports de Bretagne, ont "
                "également été arrêtés. La sole du golfe de Gascogne voit son plafond légèrement "
                "relevé, tandis que celui du bar reste stable. La Commission doit présenter au "
                "printemps une évaluation du plan pluriannuel de gestion de la Méditerranée, qui "
                "pourrait rouvrir un débat que les capitales espéraient clos pour quelques "
                "années.",
            ),
        ],
    },
    {
        "section": "international",
        "kicker": "Diplomatie",
        "title": (
            "Eau : à Genève, les Nations unies appellent à un « sursaut » face aux sécheresses"
        ),
        "standfirst": (
            "Une conférence de trois jours réunit plus de 120 délégations autour de la gestion "
            "des ressources en eau. Le bassin méditerranéen figure parmi les régions les plus "
            "exposées."
        ),
        "authors": ["claire-morel"],
        "source": "avec Reuters",
        "dateline": "Genève",
        "hours_ago": 30,
        "featured": False,
        "body": [
            (
                "paragraph",
                "La conférence s’est ouverte lundi au Palais des nations, à Genève, dans une "
                "atmosphère studieuse mais inquiète. Sous l’égide de l’Organisation des Nations "
                "unies, plus de 120 délégations doivent adopter d’ici mercredi une déclaration "
                "commune sur le partage et la protection des ressources en eau douce. Le texte, "
                "encore âprement discuté, prévoit notamment la création d’un mécanisme d’alerte "
                "précoce en cas de sécheresse prolongée.",
            ),
            (
                "paragraph",
                "Dans son rapport préparatoire, l’ONU estime que près de la moitié de la "
                "population mondiale connaît déjà des pénuries d’eau au moins un mois par an. La "
                "situation s’est nettement dégradée autour de la Méditerranée, où plusieurs pays "
                "ont dû imposer ces dernières années des restrictions d’eau à l’agriculture "
                "comme aux particuliers. Le document souligne aussi la vétusté des réseaux, qui "
                "perdent parfois plus d’un tiers de l’eau transportée.",
            ),
            ("heading", "Des financements encore flous"),
            (
                "quote",
                "Nous savons mesurer le problème, nous savons même comment le réduire. Ce qui "
                "manque, ce sont des financements à la hauteur et la volonté de coopérer "
                "par-delà les frontières.",
                "Amina Diallo-Renard, coordinatrice du programme eau des Nations unies",
            ),
            (
                "paragraph",
                "La question du financement cristallise les tensions. Les pays les plus touchés "
                "réclament un fonds dédié, alimenté par les économies les plus riches, tandis "
                "que plusieurs délégations européennes plaident pour mobiliser d’abord les "
                "banques de développement existantes. L’Union européenne, représentée par une "
                "délégation de la Commission, a promis de présenter une contribution chiffrée "
                "avant la clôture des travaux.",
            ),
            (
                "paragraph",
                "Les organisations non gouvernementales présentes à Genève restent prudentes. "
                "Elles rappellent que les précédentes déclarations sur l’eau, adoptées en grande "
                "pompe, n’ont guère été suivies d’effets. Elles appellent l’ONU à se doter "
                "d’indicateurs contraignants, permettant de vérifier chaque année les progrès "
                "accomplis par les États signataires, et à associer davantage les villes, en "
                "première ligne face aux pénuries.",
            ),
        ],
    },
    {
        "section": "international",
        "kicker": "Europe",
        "title": "Le train de nuit Paris-Berlin passera à une fréquence quotidienne dès l’automne",
        "standfirst": (
            "Les opérateurs ferroviaires français et allemand ont annoncé l’extension du "
            "service, lancé il y a deux ans. Une nouvelle halte est prévue à Strasbourg."
        ),
        "authors": ["julien-lefevre"],
        "source": "",
        "dateline": "Berlin",
        "hours_ago": 75,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Le succès a surpris jusqu’à ses promoteurs. Lancé avec trois départs "
                "hebdomadaires, le train de nuit reliant Paris à Berlin circulera tous les soirs "
                "à partir du mois d’octobre, ont annoncé mardi la SNCF et son homologue "
                "allemande lors d’une conférence de presse commune organisée à la gare centrale "
                "de Berlin. Le taux de remplissage moyen a dépassé 80 % l’an dernier, selon les "
                "deux compagnies.",
            ),
            (
                "paragraph",
                "La nouvelle desserte marquera un arrêt à Strasbourg, aux alentours de 23 heures "
                "dans le sens aller, ce qui permettra aux voyageurs alsaciens de rejoindre la "
                "capitale allemande avant 8 heures du matin. Des voitures-couchettes rénovées, "
                "équipées de prises électriques et de compartiments individuels, doivent "
                "progressivement remplacer le matériel actuel, dont la fiabilité a été critiquée "
                "par de nombreux usagers.",
            ),
            ("heading", "Un soutien européen décisif"),
            (
                "paragraph",
                "L’opération a bénéficié d’un cofinancement de l’Union européenne, dans le cadre "
                "d’un programme pilote visant à relancer les liaisons ferroviaires de nuit entre "
                "grandes capitales. À Bruxelles, la Commission y voit un levier pour réduire les "
                "émissions du transport aérien sur des trajets de moins de 1 000 kilomètres. Le "
                "prix d’appel, fixé à 49 euros en place assise, restera inchangé, assure la "
                "SNCF.",
            ),
            (
                "paragraph",
                "Les associations d’usagers saluent l’annonce, tout en pointant les limites du "
                "modèle. Les travaux fréquents sur le réseau allemand entraînent encore des "
                "détours et des retards de plusieurs heures, et la réservation reste jugée "
                "complexe. Côté allemand, on évoque déjà une possible extension vers Varsovie, "
                "sans calendrier précis à ce stade, ainsi qu’une liaison saisonnière vers la "
                "côte baltique.",
            ),
        ],
    },
    {
        "section": "international",
        "kicker": "Reportage",
        "title": (
            "Au Mozambique, après le cyclone, l’aide humanitaire peine à atteindre les villages "
            "isolés"
        ),
        "standfirst": (
            "Dix jours après le passage du cyclone, des dizaines de milliers de sinistrés "
            "restent coupés du monde. Les agences de l’ONU alertent sur le risque d’épidémies."
        ),
        "authors": ["marc-perrin"],
        "source": "avec AFP",
        "dateline": "Beira",
        "hours_ago": 140,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Sur la piste qui mène au district de Buzi, les camions de l’aide humanitaire "
                "avancent au pas, quand ils avancent. Les pluies diluviennes ont emporté "
                "plusieurs ponts et transformé les routes en bourbiers. Dans les villages que le "
                "cyclone a frappés de plein fouet, les habitants attendent des vivres sous des "
                "bâches tendues entre les arbres, à côté de ce qui reste de leurs maisons en "
                "terre.",
            ),
            (
                "paragraph",
                "L’Organisation des Nations unies estime à plus de 300 000 le nombre de "
                "personnes ayant besoin d’une assistance d’urgence. Le Programme alimentaire "
                "mondial a commencé des largages par hélicoptère, mais les capacités restent "
                "très insuffisantes. « Nous faisons des choix chaque matin entre des villages "
                "qui ont tous besoin de nous », résume une logisticienne rencontrée à l’aéroport "
                "de Beira, devenu la plaque tournante des secours.",
            ),
            ("heading", "La crainte du choléra"),
            (
                "paragraph",
                "L’eau stagnante fait redouter une flambée de choléra. Plusieurs cas suspects "
                "ont été signalés dans des camps de fortune, et les équipes médicales manquent "
                "de tests comme de solutions de réhydratation. L’ONU a lancé un appel de fonds "
                "de 190 millions de dollars, couvert à moins de 20 % pour l’instant. L’Union "
                "européenne a débloqué une première enveloppe de 12 millions d’euros.",
            ),
            (
                "quote",
                "Le cyclone est passé, mais la catastrophe continue. Chaque jour sans eau "
                "potable augmente le risque d’une crise sanitaire majeure.",
                "Dr Fernando Macuácua, médecin coordinateur à Beira",
            ),
            (
                "paragraph",
                "Les scientifiques relèvent que ces tempêtes, plus intenses qu’autrefois, se "
                "succèdent désormais à un rythme qui empêche toute reconstruction durable. Le "
                "pays, l’un des plus pauvres du monde, contribue très peu aux émissions de gaz à "
                "effet de serre mais en subit durement les conséquences, un argument que ses "
                "diplomates comptent faire valoir lors des prochaines négociations des Nations "
                "unies sur le climat.",
            ),
        ],
    },
    {
        "section": "international",
        "kicker": "Parlement européen",
        "title": (
            "À Strasbourg, les eurodéputés adoptent de nouvelles règles contre le gaspillage des "
            "emballages"
        ),
        "standfirst": (
            "Le texte impose des objectifs de réemploi pour la restauration rapide et le "
            "commerce en ligne. Les industriels obtiennent des délais supplémentaires."
        ),
        "authors": ["julien-lefevre"],
        "source": "",
        "dateline": "Strasbourg",
        "hours_ago": 46,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Après plus de deux ans de négociations, le Parlement européen a adopté mercredi "
                "à Strasbourg le règlement sur les emballages, par 412 voix contre 198. Le texte "
                "fixe des objectifs contraignants de réduction des déchets d’emballage pour "
                "l’ensemble des États membres de l’Union européenne : moins 5 % d’ici à 2030, "
                "moins 15 % d’ici à 2040, par rapport aux niveaux de 2018.",
            ),
            (
                "paragraph",
                "La restauration rapide devra proposer des contenants réutilisables pour les "
                "repas consommés sur place, et les sites de commerce en ligne devront limiter le "
                "vide dans leurs colis à 40 % du volume. Les petits emballages à usage unique, "
                "comme les dosettes de sauce ou les mini-flacons des hôtels, seront "
                "progressivement interdits. Les bouteilles en plastique devront contenir une "
                "part minimale de matière recyclée.",
            ),
            ("heading", "Un compromis âprement négocié"),
            (
                "paragraph",
                "Les fabricants de papier et de carton, très mobilisés à Bruxelles ces derniers "
                "mois, ont obtenu que certaines obligations de réemploi soient assouplies. "
                "Plusieurs élus écologistes dénoncent un texte « vidé de sa substance », quand "
                "la droite européenne salue au contraire un équilibre préservant l’emploi "
                "industriel. Le rapporteur du texte défend un règlement « imparfait mais "
                "historique », qui harmonise enfin des règles nationales disparates.",
            ),
            (
                "paragraph",
                "Le règlement doit encore être formellement approuvé par le Conseil, ce qui ne "
                "devrait être qu’une formalité. Les entreprises disposeront ensuite de dix-huit "
                "mois pour se conformer aux premières obligations. En France, où la loi prévoit "
                "déjà des objectifs comparables, les professionnels de la grande distribution "
                "estiment que l’essentiel de l’effort a déjà été engagé, tout en redoutant des "
                "coûts d’adaptation élevés.",
            ),
        ],
    },
    {
        "section": "international",
        "kicker": "Reportage",
        "title": (
            "Dans les Cyclades, les îles grecques face à la pénurie d’eau en pleine saison "
            "touristique"
        ),
        "standfirst": (
            "Sur plusieurs îles, les réservoirs sont presque à sec et des navires-citernes "
            "assurent l’approvisionnement. Les autorités locales multiplient les mesures "
            "d’urgence."
        ),
        "authors": ["marc-perrin"],
        "source": "",
        "dateline": "Athènes",
        "hours_ago": 210,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Sur le port de Syros, le navire-citerne accoste chaque matin un peu après 7 "
                "heures. Il apporte plusieurs milliers de mètres cubes d’eau, pompés sur le "
                "continent, qui seront distribués aux habitants et aux hôtels de l’île. Depuis "
                "le début de l’été, la sécheresse a réduit à presque rien les réserves "
                "souterraines, et les usines de dessalement, souvent anciennes, tournent au-delà "
                "de leurs capacités.",
            ),
            (
                "paragraph",
                "Plusieurs municipalités des Cyclades ont instauré des restrictions d’eau "
                "strictes : interdiction de remplir les piscines privées, d’arroser les jardins "
                "ou de laver les voitures. Les contrevenants s’exposent à des amendes pouvant "
                "atteindre 2 000 euros. Mais la mesure se heurte à l’afflux de visiteurs, qui "
                "fait tripler la population de certaines îles au mois d’août et met à rude "
                "épreuve des réseaux conçus pour quelques milliers d’habitants.",
            ),
            ("heading", "Le dessalement comme planche de salut"),
            (
                "paragraph",
                "Le gouvernement grec a annoncé d’Athènes un plan de 250 millions d’euros pour "
                "financer de nouvelles unités de dessalement et réparer les canalisations, dont "
                "les fuites sont estimées à 40 % de l’eau distribuée. Une partie de la somme "
                "proviendra des fonds de cohésion de l’UE. Les écologistes soulignent toutefois "
                "la forte consommation d’énergie de ces installations et le rejet de saumure "
                "dans la mer.",
            ),
            (
                "quote",
                "Nous avons construit un modèle touristique comme si l’eau était infinie. Ce "
                "temps-là est terminé, et il faudra l’expliquer aux visiteurs autant qu’aux "
                "habitants.",
                "Eleni Markou, hydrologue à l’université d’Athènes",
            ),
            (
                "paragraph",
                "Partout en Méditerranée, la même équation se pose : une saison touristique qui "
                "s’allonge, des températures en hausse et des pluies de plus en plus "
                "irrégulières. Les îles grecques ne sont pas seules concernées. Les Baléares, la "
                "Sicile ou la Corse ont elles aussi connu ces dernières années des épisodes de "
                "tension sur la ressource, obligeant les autorités à repenser l’accueil des "
                "visiteurs.",
            ),
        ],
    },
    {
        "section": "international",
        "kicker": "Climat",
        "title": (
            "Dans le Pacifique, les petits États insulaires réclament un fonds contre la montée "
            "des eaux"
        ),
        "standfirst": (
            "Réunis aux Fidji, les dirigeants de la région ont adopté une déclaration commune. "
            "La Nouvelle-Calédonie participait aux travaux en tant que membre du Forum."
        ),
        "authors": ["claire-morel"],
        "source": "avec AFP",
        "dateline": "Suva",
        "hours_ago": 330,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Le sommet annuel du Forum des îles du Pacifique s’est achevé vendredi à Suva "
                "sur un appel pressant à la communauté internationale. Les dirigeants de la "
                "région demandent la création d’un fonds spécifique, placé sous l’égide de "
                "l’ONU, pour financer l’adaptation des territoires menacés par l’élévation du "
                "niveau de la mer. Plusieurs atolls pourraient devenir inhabitables avant la fin "
                "du siècle, selon les projections retenues.",
            ),
            (
                "paragraph",
                "La déclaration finale insiste sur la protection des récifs coralliens, qui "
                "jouent un rôle de barrière naturelle contre la houle et abritent une part "
                "essentielle des ressources halieutiques de la région. La délégation de "
                "Nouvelle-Calédonie, membre du Forum depuis 2016, a présenté les travaux menés "
                "sur ses propres récifs, inscrits au patrimoine mondial et suivis de près par "
                "les chercheurs.",
            ),
            ("heading", "La question des « réfugiés climatiques »"),
            (
                "paragraph",
                "Le texte aborde aussi, pour la première fois de manière aussi directe, le "
                "déplacement des populations. Certains États envisagent déjà de relocaliser des "
                "villages entiers vers des terres plus élevées, voire vers d’autres pays. Les "
                "dirigeants demandent que le droit international reconnaisse un statut "
                "protecteur aux personnes contraintes de quitter leur île en raison du "
                "changement climatique.",
            ),
            (
                "quote",
                "Nous ne demandons pas la charité. Nous demandons que ceux qui ont causé le "
                "problème assument leur part de la solution.",
                "Tavita Leaupepe, négociateur climat d’un État insulaire du Pacifique",
            ),
            (
                "paragraph",
                "Les Nations unies doivent examiner ces propositions lors de la prochaine "
                "conférence sur le climat. En attendant, plusieurs pays européens ont annoncé "
                "des contributions modestes à des projets pilotes. La France, présente dans la "
                "région par la Nouvelle-Calédonie, la Polynésie et Wallis-et-Futuna, a promis de "
                "renforcer sa coopération scientifique sur la surveillance du littoral.",
            ),
        ],
    },
    {
        "section": "france",
        "kicker": "Canicule",
        "title": "Canicule : le Sud-Est en vigilance rouge, les restrictions d’eau se multiplient",
        "standfirst": (
            "Météo-France a placé quatre départements en vigilance rouge, avec des températures "
            "attendues au-delà de 42 °C. Le gouvernement active une cellule interministérielle "
            "de crise."
        ),
        "authors": ["sophie-garnier", "marc-perrin"],
        "source": "",
        "dateline": "Marseille",
        "hours_ago": 3,
        "featured": True,
        "body": [
            (
                "paragraph",
                "L’épisode de chaleur, entamé il y a une semaine, atteint son paroxysme. "
                "Météo-France a placé mardi les Bouches-du-Rhône, le Vaucluse, le Gard et la "
                "Drôme en vigilance rouge canicule, le niveau le plus élevé de son dispositif. "
                "Les prévisionnistes attendent des maximales comprises entre 40 et 43 °C dans "
                "l’intérieur des terres, et des nuits tropicales, où le thermomètre ne descend "
                "pas sous les 25 °C, jusque sur le littoral.",
            ),
            (
                "paragraph",
                "À Marseille, la municipalité a ouvert une vingtaine de salles rafraîchies et "
                "prolongé les horaires des parcs ombragés jusqu’à minuit. Les équipes de maraude "
                "multiplient les passages auprès des personnes sans abri, et les centres "
                "communaux d’action sociale appellent chaque jour les personnes âgées isolées "
                "inscrites sur le registre canicule. Plusieurs écoles ont avancé leurs horaires "
                "pour éviter les heures les plus chaudes.",
            ),
            ("heading", "La sécheresse aggrave la situation"),
            (
                "paragraph",
                "La chaleur s’ajoute à une sécheresse qui dure depuis l’hiver. Selon les "
                "dernières données, plus de la moitié des nappes phréatiques du pays affichent "
                "des niveaux inférieurs aux normales saisonnières. Une soixantaine de "
                "départements ont désormais pris des arrêtés de restrictions d’eau, dont une "
                "vingtaine au niveau « crise », qui interdit tout prélèvement non prioritaire, y "
                "compris pour l’irrigation agricole.",
            ),
            (
                "quote",
                "Chaque litre compte. Nous demandons à chacun, particuliers, agriculteurs et "
                "industriels, de faire sa part, car la situation pourrait durer jusqu’à "
                "l’automne.",
                "Hélène Vasseur, ministre de la Transition écologique",
            ),
            (
                "paragraph",
                "En déplacement dans le Vaucluse, Hélène Vasseur a annoncé l’activation d’une "
                "cellule interministérielle de crise et promis un soutien aux agriculteurs "
                "contraints de renoncer à l’irrigation. La ministre a également rappelé que le "
                "projet de loi sur le partage de l’eau, en discussion à l’Assemblée nationale, "
                "prévoit de rendre obligatoire la récupération des eaux de pluie dans les "
                "constructions neuves.",
            ),
            (
                "paragraph",
                "Plus au nord, Lyon a enregistré lundi 39,4 °C, un record pour un mois de "
                "juillet. La préfecture du Rhône a interdit les événements sportifs en plein air "
                "aux heures les plus chaudes et abaissé la vitesse maximale autorisée sur les "
                "autoroutes pour limiter la pollution à l’ozone. Météo-France n’envisage pas de "
                "baisse durable des températures avant la fin de la semaine prochaine.",
            ),
        ],
    },
    {
        "section": "france",
        "kicker": "Parlement",
        "title": (
            "Partage de l’eau : l’Assemblée nationale adopte le projet de loi en première lecture"
        ),
        "standfirst": (
            "Le texte crée des « contrats de sobriété » pour les gros préleveurs et encadre les "
            "retenues d’eau agricoles. Les débats ont été vifs jusque tard dans la nuit."
        ),
        "authors": ["sophie-garnier"],
        "source": "",
        "dateline": "",
        "hours_ago": 26,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Au terme de dix jours de débats parfois tendus, l’Assemblée nationale a adopté "
                "dans la nuit de mardi à mercredi le projet de loi sur le partage de l’eau, par "
                "301 voix contre 214. Le texte, porté par la ministre de la Transition "
                "écologique, Hélène Vasseur, entend mieux répartir une ressource devenue rare "
                "sous l’effet de sécheresses de plus en plus fréquentes. Il sera examiné au "
                "Sénat à la rentrée.",
            ),
            (
                "paragraph",
                "Mesure phare du projet, les « contrats de sobriété » obligeront les "
                "industriels, les golfs et les exploitations agricoles les plus consommatrices à "
                "réduire leurs prélèvements de 10 % en cinq ans. En échange, l’État s’engage à "
                "financer une partie des équipements nécessaires, comme les systèmes "
                "d’irrigation au goutte-à-goutte ou le recyclage des eaux usées. Un observatoire "
                "national publiera chaque année les volumes consommés par secteur.",
            ),
            ("heading", "Les retenues agricoles au cœur des débats"),
            (
                "paragraph",
                "L’article consacré aux retenues d’eau agricoles a donné lieu aux échanges les "
                "plus vifs. Les députés ont finalement adopté un amendement qui conditionne "
                "toute nouvelle construction à une étude d’impact sur les nappes et à "
                "l’engagement des exploitants de faire évoluer leurs pratiques. Les syndicats "
                "agricoles dénoncent une « usine à gaz », les associations environnementales un "
                "texte encore trop timide.",
            ),
            (
                "quote",
                "Ce n’est pas une loi contre les agriculteurs, c’est une loi pour qu’il reste de "
                "l’eau à partager dans dix ans.",
                "Hélène Vasseur, ministre de la Transition écologique",
            ),
            (
                "paragraph",
                "Le gouvernement espère une adoption définitive avant la fin de l’année, pour "
                "que les premiers contrats puissent être signés dès le printemps prochain. La "
                "ministre a fait valoir que les restrictions d’eau, décidées chaque été au coup "
                "par coup par les préfets, ne suffisaient plus. Plusieurs élus de Bretagne et du "
                "Sud-Est ont réclamé des dérogations pour les territoires les plus exposés.",
            ),
        ],
    },
    {
        "section": "france",
        "kicker": "Municipal",
        "title": (
            "Lyon : le conseil municipal adopte un budget marqué par la flambée des coûts de "
            "l’énergie"
        ),
        "standfirst": (
            "Le maire, Mathieu Cordier, défend un budget « de résistance » qui préserve "
            "l’investissement. L’opposition dénonce une hausse de la fiscalité déguisée."
        ),
        "authors": ["sophie-garnier"],
        "source": "",
        "dateline": "Lyon",
        "hours_ago": 52,
        "featured": False,
        "body": [
            (
                "paragraph",
                "La séance a duré plus de sept heures. Lundi soir, le conseil municipal de Lyon "
                "a adopté le budget primitif de la ville pour l’an prochain, par 43 voix contre "
                "23. Son montant total atteint 1,1 milliard d’euros, dont 290 millions consacrés "
                "à l’investissement. Le maire, Mathieu Cordier, a défendu un budget « de "
                "résistance » face à l’inflation, qui continue de peser sur les dépenses de "
                "fonctionnement de la collectivité.",
            ),
            (
                "paragraph",
                "La facture énergétique de la ville, qui chauffe et éclaire plus de 600 "
                "bâtiments publics, a augmenté de 38 % en deux ans. Pour y faire face, la "
                "municipalité prévoit d’accélérer la rénovation thermique des écoles et des "
                "gymnases, et de raccorder de nouveaux équipements au réseau de chaleur urbain. "
                "Les tarifs des cantines scolaires resteront inchangés, mais ceux des piscines "
                "et des musées augmenteront légèrement.",
            ),
            ("heading", "Passe d’armes sur la fiscalité"),
            (
                "paragraph",
                "L’opposition a vivement critiqué la hausse de la taxe sur les logements vacants "
                "et la révision des tarifs de stationnement, qu’elle assimile à une augmentation "
                "d’impôts déguisée. « On fait payer aux Lyonnais la mauvaise gestion de la "
                "majorité », a lancé l’un de ses élus. Mathieu Cordier a répliqué que la ville "
                "n’avait pas touché aux taux de la taxe foncière, contrairement à de nombreuses "
                "grandes villes.",
            ),
            (
                "quote",
                "Face à la hausse des prix, nous avions deux options : renoncer aux projets ou "
                "chercher des recettes justes. Nous avons choisi de ne pas sacrifier l’avenir.",
                "Mathieu Cordier, maire de Lyon",
            ),
            (
                "paragraph",
                "Parmi les principaux investissements figurent la végétalisation de vingt cours "
                "d’école, afin de créer des îlots de fraîcheur lors des épisodes de canicule, et "
                "la création de nouvelles pistes cyclables sur les quais. La ville compte aussi "
                "sur le soutien de l’État et de la métropole pour financer la rénovation de la "
                "patinoire et d’une partie des halles du quartier de la Guillotière.",
            ),
        ],
    },
    {
        "section": "france",
        "kicker": "Transports",
        "title": (
            "En Bretagne, la ligne ferroviaire Morlaix-Roscoff rouvre après des années "
            "d’interruption"
        ),
        "standfirst": (
            "Fermée à la suite d’un glissement de terrain, la ligne accueille de nouveau des "
            "voyageurs. Les élus locaux espèrent attirer les touristes comme les habitants."
        ),
        "authors": ["sophie-garnier"],
        "source": "",
        "dateline": "Morlaix",
        "hours_ago": 98,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Sur le quai de la gare de Morlaix, une petite foule s’est pressée samedi matin "
                "pour assister au départ du premier train. Fermée depuis plusieurs années après "
                "un glissement de terrain, la ligne qui relie la ville au port de Roscoff, sur "
                "28 kilomètres, a rouvert au terme d’un chantier de 34 millions d’euros, financé "
                "par la région Bretagne, l’État et l’Union européenne. Le voyage dure désormais "
                "30 minutes.",
            ),
            (
                "paragraph",
                "La SNCF assurera huit allers-retours quotidiens en semaine et six le week-end, "
                "avec des horaires calés sur les départs des ferries vers l’Irlande et le "
                "Royaume-Uni. Les talus ont été consolidés, les rails et les traverses "
                "entièrement remplacés, et les passages à niveau sécurisés. Trois haltes "
                "intermédiaires ont été rénovées, dont celle de Saint-Pol-de-Léon, importante "
                "commune maraîchère.",
            ),
            ("heading", "Un pari sur la fréquentation"),
            (
                "paragraph",
                "Les élus locaux, qui se sont longtemps battus pour la réouverture, misent sur "
                "une fréquentation de 600 voyageurs par jour, un objectif que certains "
                "observateurs jugent ambitieux. La région a prévu un tarif unique de 3 euros "
                "pour les trajets internes à la ligne et des correspondances facilitées avec les "
                "cars régionaux. Des abris à vélos sécurisés ont été installés dans chaque gare.",
            ),
            (
                "quote",
                "Pendant des années, on nous a dit que cette ligne était condamnée. Aujourd’hui, "
                "les enfants du Léon peuvent prendre le train pour aller au lycée.",
                "Yvonne Le Bihan, présidente de l’association des usagers de la ligne",
            ),
            (
                "paragraph",
                "La réouverture s’inscrit dans un mouvement plus large de relance des petites "
                "lignes en Bretagne, où plusieurs autres tronçons doivent être modernisés d’ici "
                "à la fin de la décennie. La SNCF et la région négocient aussi le renouvellement "
                "de la convention d’exploitation des TER, dont le coût, alourdi par l’inflation, "
                "fait l’objet d’âpres discussions.",
            ),
        ],
    },
    {
        "section": "france",
        "kicker": "Outre-mer",
        "title": "Nouvelle-Calédonie : un plan de soutien pour les salariés de la filière nickel",
        "standfirst": (
            "Le gouvernement présente un dispositif de 200 millions d’euros pour accompagner les "
            "salariés des usines à l’arrêt. Les syndicats saluent un premier pas."
        ),
        "authors": ["marc-perrin"],
        "source": "avec AFP",
        "dateline": "Nouméa",
        "hours_ago": 160,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Le plan était attendu depuis des mois. Le gouvernement a présenté jeudi à "
                "Nouméa un dispositif de 200 millions d’euros destiné à soutenir la filière "
                "nickel en Nouvelle-Calédonie, frappée par la chute des cours mondiaux et la "
                "concurrence des producteurs asiatiques. Deux des trois usines métallurgiques de "
                "l’archipel ont réduit drastiquement leur activité, plaçant près de 2 000 "
                "salariés en chômage partiel.",
            ),
            (
                "paragraph",
                "Le dispositif prévoit la prise en charge par l’État d’une partie des salaires "
                "pendant dix-huit mois, des formations de reconversion et une aide à la baisse "
                "du coût de l’électricité, qui représente une part écrasante des charges des "
                "usines. En échange, les industriels devront présenter des plans de "
                "modernisation crédibles, notamment pour réduire leur dépendance aux centrales "
                "au charbon.",
            ),
            ("heading", "Une économie très dépendante"),
            (
                "paragraph",
                "Le nickel représente encore plus de 90 % des exportations de la "
                "Nouvelle-Calédonie et fait vivre, directement ou indirectement, près d’un "
                "emploi sur cinq dans le secteur privé. La crise de la filière pèse lourdement "
                "sur les finances publiques locales et sur le moral des habitants, notamment "
                "dans le nord de la Grande Terre, où les mines constituent souvent le seul "
                "débouché pour les jeunes.",
            ),
            (
                "quote",
                "Ce plan nous donne de l’air, mais il ne règle pas la question de fond : quel "
                "avenir industriel pour le pays dans dix ans ?",
                "Joseph Wahéo, secrétaire général d’un syndicat de mineurs",
            ),
            (
                "paragraph",
                "Le texte devra être complété par des mesures législatives, examinées à "
                "l’Assemblée nationale à l’automne. Plusieurs députés ultramarins réclament un "
                "débat plus large sur la diversification de l’économie calédonienne, vers le "
                "tourisme, l’aquaculture ou les énergies renouvelables. Les élus locaux, eux, "
                "insistent sur la nécessité d’associer étroitement les collectivités aux "
                "décisions.",
            ),
        ],
    },
    {
        "section": "france",
        "kicker": "Incendies",
        "title": (
            "Près de Marseille, un incendie a parcouru 300 hectares dans le massif de l’Étoile"
        ),
        "standfirst": (
            "Attisé par le mistral, le feu a menacé plusieurs habitations avant d’être fixé dans "
            "la nuit. Aucune victime n’est à déplorer."
        ),
        "authors": ["marc-perrin"],
        "source": "",
        "dateline": "Marseille",
        "hours_ago": 12,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les flammes étaient visibles depuis le centre de Marseille. Parti mardi en "
                "début d’après-midi d’un talus en bordure de route, un incendie a parcouru "
                "environ 300 hectares de garrigue et de pinède dans le massif de l’Étoile, au "
                "nord de la ville. Plus de 600 pompiers, appuyés par huit bombardiers d’eau et "
                "deux hélicoptères, ont été mobilisés pour contenir le feu, attisé par un "
                "mistral soufflant jusqu’à 70 km/h.",
            ),
            (
                "paragraph",
                "Par précaution, les habitants de deux lotissements de la commune de "
                "Simiane-Collongue ont été évacués vers un gymnase, avant de pouvoir regagner "
                "leur domicile dans la soirée. Une quinzaine de pompiers ont été légèrement "
                "blessés, principalement victimes de coups de chaleur. L’autoroute A51 a été "
                "coupée pendant plusieurs heures, provoquant d’importants embouteillages à "
                "l’entrée nord de l’agglomération.",
            ),
            ("heading", "Une végétation extrêmement sèche"),
            (
                "paragraph",
                "Le feu a été déclaré fixé peu après minuit, mais les opérations de surveillance "
                "devraient durer plusieurs jours. Les pompiers soulignent l’extrême sécheresse "
                "de la végétation, conséquence d’un hiver et d’un printemps particulièrement peu "
                "pluvieux. Météo-France maintient un risque d’incendie « très sévère » sur "
                "l’ensemble du département, où l’accès aux massifs forestiers est interdit "
                "jusqu’à nouvel ordre.",
            ),
            (
                "quote",
                "Avec une végétation aussi sèche et un vent pareil, un départ de feu devient un "
                "incendie en quelques minutes. Le moindre mégot peut être catastrophique.",
                "Colonel Frédéric Amiel, du service départemental d’incendie et de secours",
            ),
            (
                "paragraph",
                "Une enquête a été ouverte pour déterminer l’origine du sinistre. Les enquêteurs "
                "n’excluent aucune piste, qu’il s’agisse d’une imprudence ou d’un acte "
                "volontaire. Depuis le début de l’été, plus de 1 200 hectares ont brûlé dans les "
                "Bouches-du-Rhône, un chiffre déjà supérieur à celui de l’ensemble de l’année "
                "précédente. Les pompiers appellent à la plus grande prudence.",
            ),
        ],
    },
    {
        "section": "france",
        "kicker": "Éducation",
        "title": "Baccalauréat : un taux de réussite de 91 %, en léger recul",
        "standfirst": (
            "Les résultats du premier groupe d’épreuves ont été publiés vendredi. Les écarts "
            "entre académies restent marqués."
        ),
        "authors": ["sophie-garnier"],
        "source": "",
        "dateline": "",
        "hours_ago": 400,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Ils étaient plus de 700 000 candidats à découvrir leurs résultats vendredi "
                "matin. Au terme du premier groupe d’épreuves, 78 % des candidats ont été admis "
                "d’emblée et 13 % sont convoqués aux oraux de rattrapage, ce qui devrait porter "
                "le taux de réussite final autour de 91 %, soit un point de moins que l’an "
                "dernier. La baisse concerne surtout la voie technologique.",
            ),
            (
                "paragraph",
                "Les écarts entre académies demeurent importants. Celles de Rennes et de "
                "Strasbourg figurent parmi les mieux classées, avec des taux d’admission "
                "dépassant 93 %, tandis que plusieurs académies d’outre-mer et d’Île-de-France "
                "restent en deçà de la moyenne nationale. À Lyon, le rectorat relève une "
                "progression notable dans les lycées professionnels, qui ont bénéficié cette "
                "année d’heures de soutien supplémentaires.",
            ),
            ("heading", "Une session perturbée par la chaleur"),
            (
                "paragraph",
                "Les épreuves écrites se sont déroulées dans des conditions parfois difficiles. "
                "Plusieurs centres d’examen du sud du pays ont enregistré des températures "
                "supérieures à 32 °C dans les salles, et des candidats ont été pris de malaises. "
                "Les syndicats d’enseignants réclament depuis longtemps un plan de rénovation "
                "des établissements pour les adapter aux épisodes de canicule, désormais plus "
                "fréquents en juin.",
            ),
            (
                "paragraph",
                "Les candidats ajournés pourront se présenter à la session de septembre ou "
                "redoubler leur terminale. Les nouveaux bacheliers, eux, ont jusqu’à la "
                "mi-juillet pour accepter une proposition d’admission dans l’enseignement "
                "supérieur. Près de 80 000 candidats attendaient encore une réponse favorable à "
                "la veille des résultats, selon les chiffres du ministère.",
            ),
        ],
    },
    {
        "section": "economie",
        "kicker": "Conjoncture",
        "title": "L’inflation ralentit à 2,1 % sur un an, au plus bas depuis trois ans",
        "standfirst": (
            "Selon l’INSEE, le recul des prix de l’énergie compense la hausse persistante des "
            "services. Les prix alimentaires se stabilisent."
        ),
        "authors": ["antoine-roux"],
        "source": "avec AFP",
        "dateline": "",
        "hours_ago": 8,
        "featured": False,
        "body": [
            (
                "paragraph",
                "La décrue se confirme. Sur un an, les prix à la consommation ont progressé de "
                "2,1 % en juin, après 2,4 % en mai, selon l’estimation définitive publiée jeudi "
                "par l’INSEE. Il s’agit du rythme le plus faible depuis trois ans. L’inflation "
                "sous-jacente, qui exclut les éléments les plus volatils comme l’énergie et les "
                "produits frais, recule également, à 2,3 %.",
            ),
            (
                "paragraph",
                "Ce ralentissement s’explique principalement par la baisse des prix de "
                "l’énergie, en repli de 3,2 % sur un an, grâce à la détente des cours du pétrole "
                "et à la baisse des tarifs réglementés de l’électricité. Les prix de "
                "l’alimentation sont quasiment stables, après deux années de fortes "
                "augmentations. En revanche, les services, qui pèsent pour près de la moitié du "
                "panier des ménages, restent dynamiques, à plus 3,1 %.",
            ),
            ("heading", "Le pouvoir d’achat en convalescence"),
            (
                "paragraph",
                "Pour les ménages, le soulagement reste relatif. La hausse des prix cumulée "
                "depuis trois ans dépasse 13 %, et les salaires n’ont rattrapé ce retard que "
                "partiellement, selon les calculs de l’INSEE. Les loyers, les assurances et les "
                "frais bancaires continuent de progresser plus vite que la moyenne, pesant sur "
                "le budget des ménages modestes et des locataires.",
            ),
            (
                "quote",
                "Les ménages ont le sentiment que les prix restent élevés, et ils ont raison : "
                "le ralentissement de l’inflation ne signifie pas une baisse des prix.",
                "Laure Castagné, économiste dans un institut de conjoncture",
            ),
            (
                "paragraph",
                "Ces chiffres devraient conforter la Banque centrale européenne (BCE) dans sa "
                "stratégie de baisse progressive des taux. La hausse des prix en zone euro "
                "s’établit désormais à 2,3 %, proche de l’objectif de 2 % fixé par "
                "l’institution. Les économistes restent cependant attentifs à l’évolution des "
                "salaires et des prix des services, qui pourraient ralentir la convergence.",
            ),
        ],
    },
    {
        "section": "economie",
        "kicker": "Monnaie",
        "title": "La BCE abaisse ses taux d’un quart de point et reste prudente pour la suite",
        "standfirst": (
            "L’institution de Francfort poursuit l’assouplissement de sa politique monétaire. "
            "Son conseil des gouverneurs refuse de s’engager sur un calendrier."
        ),
        "authors": ["antoine-roux", "julien-lefevre"],
        "source": "avec Reuters",
        "dateline": "Francfort",
        "hours_ago": 170,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Comme attendu par les marchés, la Banque centrale européenne a abaissé jeudi "
                "ses trois taux directeurs de 0,25 point. Le taux de la facilité de dépôt, "
                "principal instrument de pilotage de la politique monétaire, passe à 3 %. C’est "
                "la troisième baisse décidée par l’institution de Francfort depuis le début de "
                "l’année, après une longue période de resserrement destinée à contenir "
                "l’inflation.",
            ),
            (
                "paragraph",
                "Dans son communiqué, le conseil des gouverneurs souligne que la hausse des prix "
                "« continue de ralentir conformément aux projections », mais que les tensions "
                "sur les salaires et les services justifient la prudence. La BCE ne s’engage sur "
                "aucune trajectoire prédéfinie et continuera de décider « réunion par réunion », "
                "en fonction des données économiques disponibles.",
            ),
            ("heading", "Une croissance toujours atone"),
            (
                "paragraph",
                "L’institution a revu légèrement à la baisse ses prévisions de croissance pour "
                "la zone euro, à 0,8 % cette année. L’activité industrielle reste déprimée, en "
                "particulier en Allemagne, où la production a encore reculé au printemps. À "
                "Berlin, le gouvernement réclame depuis plusieurs mois des baisses de taux plus "
                "rapides pour soutenir l’investissement et le secteur de la construction, "
                "durement touché.",
            ),
            (
                "quote",
                "La BCE marche sur une ligne de crête : baisser trop vite, c’est risquer un "
                "retour de l’inflation ; trop lentement, c’est étouffer une croissance déjà "
                "fragile.",
                "Rodolphe Meunier, économiste dans une banque d’affaires parisienne",
            ),
            (
                "paragraph",
                "Pour les emprunteurs, ces baisses successives commencent à se faire sentir. Les "
                "taux des crédits immobiliers ont reculé de près d’un point en un an, ce qui "
                "favorise un timide redémarrage du marché. Les épargnants, en revanche, verront "
                "la rémunération de certains livrets diminuer dans les prochains mois, une "
                "décision qui relève toutefois des autorités nationales et non de la BCE.",
            ),
        ],
    },
    {
        "section": "economie",
        "kicker": "Social",
        "title": "Grève au port de Marseille-Fos : des dizaines de navires bloqués en rade",
        "standfirst": (
            "Les dockers protestent contre un projet de réorganisation des terminaux. Les "
            "chargeurs s’inquiètent de reports de trafic vers les ports concurrents."
        ),
        "authors": ["antoine-roux"],
        "source": "",
        "dateline": "Marseille",
        "hours_ago": 36,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Au large de Marseille, une trentaine de porte-conteneurs et de vraquiers "
                "patientaient jeudi en rade, dans l’attente de pouvoir accoster. Depuis lundi, "
                "les dockers et les agents portuaires du Grand Port maritime de Marseille-Fos "
                "observent une grève reconductible, à l’appel de leurs syndicats, pour protester "
                "contre un projet de réorganisation des terminaux à conteneurs porté par la "
                "direction du port.",
            ),
            (
                "paragraph",
                "Le projet prévoit de regrouper l’activité sur deux terminaux automatisés à "
                "Fos-sur-Mer et de réduire les effectifs de manutention par des départs "
                "volontaires. Les syndicats y voient une menace pour plusieurs centaines "
                "d’emplois et réclament des garanties écrites. La direction assure qu’aucun "
                "licenciement n’est envisagé et que la modernisation est indispensable pour "
                "rester compétitif face aux ports de Gênes, de Barcelone ou de Valence.",
            ),
            ("heading", "La Méditerranée, un marché très disputé"),
            (
                "paragraph",
                "Le premier port français est engagé dans une concurrence féroce pour capter les "
                "flux de marchandises arrivant d’Asie par la Méditerranée. Les chargeurs "
                "redoutent que la grève ne pousse les armateurs à détourner durablement leurs "
                "escales. Lors du dernier conflit, il y a trois ans, le port avait mis près d’un "
                "an à retrouver ses volumes d’avant la crise.",
            ),
            (
                "quote",
                "Chaque jour de blocage, ce sont des clients qui testent d’autres ports. "
                "Certains ne reviennent jamais.",
                "Nathalie Orsini, déléguée d’une union d’entreprises de logistique",
            ),
            (
                "paragraph",
                "Une réunion de médiation est prévue vendredi à la préfecture, en présence des "
                "représentants de l’État. Les syndicats se disent prêts à négocier, à condition "
                "que le calendrier de la réorganisation soit suspendu. En attendant, plusieurs "
                "entreprises de la région, notamment dans l’agroalimentaire, évoquent déjà des "
                "difficultés d’approvisionnement en matières premières.",
            ),
        ],
    },
    {
        "section": "economie",
        "kicker": "Start-up",
        "title": "Recyclage de batteries : la start-up lyonnaise Lithorea lève 40 millions d’euros",
        "standfirst": (
            "La jeune pousse veut construire sa première usine dans la vallée de la chimie, au "
            "sud de Lyon. Elle promet 250 emplois d’ici à quatre ans."
        ),
        "authors": ["antoine-roux"],
        "source": "",
        "dateline": "Lyon",
        "hours_ago": 60,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Fondée il y a quatre ans par trois ingénieurs issus d’un laboratoire de "
                "recherche lyonnais, la start-up Lithorea a annoncé mardi une levée de fonds de "
                "40 millions d’euros, l’une des plus importantes de l’année dans le secteur "
                "industriel en région. Le tour de table réunit des fonds d’investissement "
                "français et allemands, ainsi qu’une filiale d’un grand constructeur automobile "
                "européen.",
            ),
            (
                "paragraph",
                "L’entreprise a mis au point un procédé permettant de récupérer le lithium, le "
                "nickel et le cobalt contenus dans les batteries usagées des véhicules "
                "électriques, avec une consommation d’énergie et de produits chimiques nettement "
                "inférieure aux techniques existantes. Les fonds serviront à construire une "
                "première usine à Saint-Fons, dans la vallée de la chimie, capable de traiter 15 "
                "000 tonnes de batteries par an.",
            ),
            ("heading", "Un enjeu de souveraineté"),
            (
                "paragraph",
                "Le recyclage des batteries est devenu un enjeu stratégique pour l’Union "
                "européenne, qui impose aux fabricants des taux minimaux de matériaux recyclés "
                "dans les batteries neuves à partir de la fin de la décennie. L’Europe dépend "
                "aujourd’hui presque entièrement de l’Asie pour le raffinage de ces métaux "
                "critiques, même si une partie du nickel consommé provient de "
                "Nouvelle-Calédonie.",
            ),
            (
                "quote",
                "Les batteries qui roulent aujourd’hui sont les mines de demain. Notre objectif "
                "est que ces métaux restent en Europe.",
                "Inès Bourgeat, cofondatrice et présidente de Lithorea",
            ),
            (
                "paragraph",
                "Le maire de Lyon, Mathieu Cordier, a salué un projet « emblématique de la "
                "réindustrialisation de la vallée de la chimie ». La métropole et la région "
                "accompagneront l’installation du site, dont la mise en service est prévue dans "
                "deux ans. Lithorea prévoit de créer 250 emplois d’ici à quatre ans, "
                "principalement des techniciens et des opérateurs formés localement.",
            ),
        ],
    },
    {
        "section": "economie",
        "kicker": "Agriculture",
        "title": (
            "Sécheresse : la récolte de blé attendue en net recul dans le Centre et le Sud-Ouest"
        ),
        "standfirst": (
            "Les premières moissons confirment des rendements inférieurs de 15 % à la moyenne. "
            "Les céréaliers s’inquiètent aussi pour le maïs."
        ),
        "authors": ["antoine-roux"],
        "source": "",
        "dateline": "Chartres",
        "hours_ago": 120,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les moissonneuses ont commencé à tourner avec une dizaine de jours d’avance "
                "dans la Beauce, et les premiers résultats confirment les inquiétudes. Les "
                "rendements de blé tendre s’établissent en moyenne à 62 quintaux par hectare, "
                "soit 15 % de moins que la moyenne des cinq dernières années. Dans certaines "
                "parcelles du Sud-Ouest, privées de pluie au moment de la floraison, la perte "
                "dépasse 30 %.",
            ),
            (
                "paragraph",
                "La sécheresse du printemps, suivie de plusieurs épisodes de forte chaleur en "
                "juin, a perturbé le remplissage des grains. Selon Météo-France, le cumul des "
                "précipitations entre mars et juin a été inférieur de 40 % aux normales dans une "
                "large partie du pays. Les sols, déjà secs à la sortie de l’hiver, n’ont pas pu "
                "constituer de réserves suffisantes.",
            ),
            ("heading", "Le maïs sous la menace des restrictions"),
            (
                "paragraph",
                "Les producteurs de maïs, culture très dépendante de l’irrigation, s’inquiètent "
                "davantage encore. Dans plusieurs départements, les restrictions d’eau "
                "interdisent désormais tout arrosage en journée, voire totalement. Les "
                "agriculteurs redoutent une saison catastrophique si les pluies ne reviennent "
                "pas en août. Certains ont déjà renoncé à irriguer une partie de leurs parcelles "
                "pour préserver les plus prometteuses.",
            ),
            (
                "quote",
                "On a beau avoir l’expérience, on ne sait plus à quoi s’attendre d’une année sur "
                "l’autre. Le climat a changé plus vite que nos pratiques.",
                "Jean-Marc Duchêne, céréalier en Eure-et-Loir",
            ),
            (
                "paragraph",
                "Sur les marchés, l’impact reste limité pour l’instant, la production mondiale "
                "étant jugée abondante. Mais la baisse des volumes pèsera sur le revenu des "
                "exploitants, déjà fragilisé par la hausse des prix des engrais et de l’énergie. "
                "Les premières estimations nationales du service statistique du ministère de "
                "l’Agriculture sont attendues à la fin du mois.",
            ),
        ],
    },
    {
        "section": "economie",
        "kicker": "Transports",
        "title": (
            "La SNCF affiche une fréquentation record mais reste prudente sur les prix des billets"
        ),
        "standfirst": (
            "L’entreprise publique a transporté plus de voyageurs que jamais au premier "
            "semestre. Les associations d’usagers dénoncent des tarifs trop élevés."
        ),
        "authors": ["antoine-roux"],
        "source": "",
        "dateline": "",
        "hours_ago": 250,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les trains n’ont jamais été aussi pleins. La SNCF a annoncé jeudi avoir "
                "transporté 62 millions de voyageurs sur ses lignes à grande vitesse au premier "
                "semestre, un record, en hausse de 6 % sur un an. Le trafic régional progresse "
                "lui aussi, porté par les abonnements des salariés et l’essor des petits trajets "
                "de loisirs. Le chiffre d’affaires du groupe atteint 21 milliards d’euros sur la "
                "période.",
            ),
            (
                "paragraph",
                "Cette fréquentation record a toutefois un revers : des trains souvent complets "
                "plusieurs semaines à l’avance et des prix jugés dissuasifs par une partie des "
                "usagers. Selon une étude publiée récemment par une association de "
                "consommateurs, le prix moyen d’un billet de TGV a augmenté plus vite que "
                "l’inflation au cours des trois dernières années, en particulier lors des "
                "périodes de vacances scolaires.",
            ),
            ("heading", "Un parc de trains insuffisant"),
            (
                "paragraph",
                "La direction de la SNCF explique ces tensions par un nombre de rames "
                "insuffisant. Les nouveaux TGV commandés il y a plusieurs années n’arriveront "
                "qu’au compte-gouttes à partir de l’an prochain. L’entreprise rappelle aussi que "
                "le coût de l’énergie et des péages ferroviaires a fortement augmenté, et assure "
                "avoir contenu la hausse des prix grâce à ses offres à petit prix et à ses "
                "cartes de réduction.",
            ),
            (
                "quote",
                "Les Français veulent prendre le train, c’est une excellente nouvelle. Encore "
                "faut-il qu’ils puissent se le permettre et qu’il y ait de la place.",
                "Pascale Viénot, porte-parole d’une fédération d’usagers des transports",
            ),
            (
                "paragraph",
                "À l’international, le groupe mise sur le développement des liaisons "
                "européennes, comme le train de nuit vers Berlin, dont la fréquence doit passer "
                "à un départ quotidien. La concurrence s’intensifie par ailleurs sur les lignes "
                "les plus rentables, notamment entre Paris, Lyon et Marseille, où des opérateurs "
                "étrangers proposent des tarifs agressifs.",
            ),
        ],
    },
    {
        "section": "economie",
        "kicker": "Tourisme",
        "title": "En Bretagne, une saison touristique record malgré la hausse des prix",
        "standfirst": (
            "Les hébergements affichent des taux d’occupation inédits en juillet. Les visiteurs "
            "fuyant la chaleur du Sud expliquent en partie ce succès."
        ),
        "authors": ["antoine-roux", "sophie-garnier"],
        "source": "",
        "dateline": "Rennes",
        "hours_ago": 500,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Campings complets, locations saisonnières réservées des mois à l’avance, "
                "restaurants pris d’assaut : la Bretagne vit une saison touristique "
                "exceptionnelle. Selon les premières données de l’INSEE et du comité régional du "
                "tourisme, les nuitées dans les hébergements marchands ont progressé de 9 % en "
                "juillet par rapport à l’an dernier, un niveau jamais atteint. Les visiteurs "
                "étrangers, notamment allemands et britanniques, sont particulièrement nombreux.",
            ),
            (
                "paragraph",
                "Les professionnels observent un phénomène nouveau : une partie des vacanciers "
                "qui se rendaient habituellement sur le littoral de la Méditerranée choisit "
                "désormais les côtes bretonnes pour échapper aux fortes chaleurs. Les épisodes "
                "de canicule à répétition dans le Sud modifient les habitudes, en particulier "
                "chez les familles avec de jeunes enfants et les retraités. Les offices de "
                "tourisme parlent de « tourisme de fraîcheur ».",
            ),
            ("heading", "Des tarifs en forte hausse"),
            (
                "paragraph",
                "Ce succès s’accompagne d’une hausse des prix marquée. Le prix moyen d’une nuit "
                "en hôtel a augmenté de 12 % en deux ans, et celui des locations de courte durée "
                "davantage encore dans les communes les plus prisées. Certains vacanciers "
                "réduisent la durée de leur séjour ou renoncent aux restaurants. Les "
                "saisonniers, eux, peinent toujours à se loger à proximité de leur lieu de "
                "travail.",
            ),
            (
                "quote",
                "Nous accueillons des gens qui n’étaient jamais venus chez nous. C’est une "
                "chance, à condition de ne pas abîmer ce qui fait l’attrait de la région.",
                "Maïwenn Guillou, directrice d’un office de tourisme du Finistère",
            ),
            (
                "paragraph",
                "Les élus s’inquiètent aussi de la pression sur les ressources. Dans certaines "
                "communes littorales, la population est multipliée par cinq en été, ce qui met "
                "sous tension les réseaux d’eau potable. Après les restrictions d’eau imposées "
                "il y a deux ans dans plusieurs secteurs de la région, les syndicats d’eau ont "
                "engagé des travaux d’interconnexion pour sécuriser l’approvisionnement.",
            ),
        ],
    },
    {
        "section": "culture",
        "kicker": "Cinéma",
        "title": "À Marseille, le festival Écrans de Méditerranée célèbre le cinéma des deux rives",
        "standfirst": (
            "La manifestation présente une soixantaine de films venus d’une quinzaine de pays. "
            "Le documentaire y occupe une place de choix."
        ),
        "authors": ["nadia-benali"],
        "source": "",
        "dateline": "Marseille",
        "hours_ago": 18,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Pour sa neuvième édition, le festival Écrans de Méditerranée a investi jusqu’à "
                "dimanche les cinémas et les places de Marseille. Une soixantaine de films, "
                "longs et courts métrages, fictions et documentaires, venus d’une quinzaine de "
                "pays riverains, seront projetés en salle et en plein air. Les organisateurs "
                "attendent plus de 30 000 spectateurs, un record pour une manifestation née dans "
                "une salle associative du quartier de la Belle de Mai.",
            ),
            (
                "paragraph",
                "La compétition officielle réunit dix films, dont quatre premiers longs "
                "métrages. Beaucoup interrogent le rapport à la mer et à l’exil, mais aussi les "
                "transformations des villes portuaires. Très attendu, le documentaire d’une "
                "jeune réalisatrice tunisienne sur les pêcheurs de Kerkennah a été longuement "
                "applaudi lors de sa projection d’ouverture, au fort Saint-Jean, devant un "
                "public de plusieurs centaines de personnes.",
            ),
            ("heading", "Des séances en plein air"),
            (
                "paragraph",
                "En raison de la canicule, les organisateurs ont décalé les projections en plein "
                "air après 22 heures et installé des brumisateurs à l’entrée des salles. Les "
                "séances gratuites sur les plages du Prado ont néanmoins fait le plein dès le "
                "premier soir. Le festival propose aussi des ateliers d’éducation à l’image pour "
                "les enfants des centres sociaux de Marseille.",
            ),
            (
                "quote",
                "La Méditerranée n’est pas une frontière, c’est un espace commun. Le cinéma est "
                "une manière de faire dialoguer ceux qui l’habitent.",
                "Samia Haddad, déléguée générale du festival",
            ),
            (
                "paragraph",
                "Le palmarès sera dévoilé samedi soir. Le jury, présidé par un directeur de la "
                "photographie italien, décernera un grand prix doté de 10 000 euros, ainsi qu’un "
                "prix du public. Plusieurs films présentés devraient sortir en salle à "
                "l’automne, dont une coproduction tournée entre Marseille, Alger et Naples, très "
                "remarquée lors de sa présentation à la presse.",
            ),
        ],
    },
    {
        "section": "culture",
        "kicker": "Livres",
        "title": "Camille Aubertin, la romancière qui fait parler les îles bretonnes",
        "standfirst": (
            "Avec « Le Sel des jours », son quatrième roman, l’écrivaine signe un récit puissant "
            "sur une famille de goémoniers. Il figure déjà dans plusieurs sélections de prix."
        ),
        "authors": ["nadia-benali"],
        "source": "",
        "dateline": "",
        "hours_ago": 280,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Camille Aubertin écrit dans une ancienne ferme du nord du Finistère, face à un "
                "paysage d’estran et de champs d’artichauts. C’est là, dit-elle, qu’elle a "
                "trouvé la voix de Maëlle, l’héroïne de son quatrième roman, « Le Sel des jours "
                "», qui vient de paraître. Le livre suit trois générations d’une famille de "
                "goémoniers sur l’île de Molène, de l’après-guerre à nos jours, au rythme des "
                "marées et des départs vers le continent.",
            ),
            (
                "paragraph",
                "Le roman frappe par la précision de sa langue, nourrie de mots bretons et de "
                "termes techniques du travail des algues, sans jamais devenir folklorique. "
                "Camille Aubertin y évoque la dureté de la vie insulaire, l’exode des jeunes et "
                "la transformation du littoral par le tourisme. La Bretagne qu’elle décrit n’a "
                "rien d’une carte postale : elle est rude, venteuse, traversée de silences "
                "familiaux.",
            ),
            ("heading", "Une ascension discrète"),
            (
                "paragraph",
                "Ancienne professeure de lettres à Brest, la romancière a longtemps publié dans "
                "une relative confidentialité. Son précédent livre, consacré à une institutrice "
                "de l’île de Sein, avait reçu un accueil critique chaleureux et obtenu un prix "
                "de lecteurs. « Le Sel des jours » figure déjà dans les premières sélections de "
                "plusieurs grands prix littéraires de l’automne, et son éditeur a dû lancer une "
                "réimpression.",
            ),
            (
                "quote",
                "Je n’écris pas sur la Bretagne, j’écris depuis la Bretagne. C’est une manière "
                "de regarder le monde, pas un décor.",
                "Camille Aubertin, romancière",
            ),
            (
                "paragraph",
                "Les droits d’adaptation ont déjà été acquis par une société de production, qui "
                "envisage une série télévisée. L’autrice, qui se dit « un peu dépassée » par ce "
                "succès, continue de participer aux rencontres dans les librairies et les "
                "bibliothèques de la région, où elle retrouve un public fidèle depuis ses débuts "
                "et des lecteurs venus parfois de très loin.",
            ),
        ],
    },
    {
        "section": "culture",
        "kicker": "Exposition",
        "title": "À Strasbourg, une rétrospective rend justice à la photographe Odile Harmand",
        "standfirst": (
            "Le musée d’Art moderne et contemporain présente près de 200 tirages d’une artiste "
            "longtemps oubliée. Ses images de la vie ouvrière rhénane fascinent."
        ),
        "authors": ["nadia-benali"],
        "source": "",
        "dateline": "Strasbourg",
        "hours_ago": 190,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Il aura fallu la découverte fortuite de plusieurs cartons de négatifs, dans le "
                "grenier d’une maison de Colmar, pour que l’œuvre d’Odile Harmand sorte de "
                "l’ombre. Le musée d’Art moderne et contemporain de Strasbourg consacre jusqu’en "
                "janvier une vaste rétrospective à cette photographe alsacienne, disparue en "
                "1994, qui a documenté pendant quarante ans la vie des ouvriers, des mariniers "
                "et des familles des deux rives du Rhin.",
            ),
            (
                "paragraph",
                "L’exposition rassemble près de 200 tirages, pour la plupart inédits, ainsi que "
                "des carnets, des lettres et des planches-contacts. On y découvre des portraits "
                "d’une grande tendresse, saisis dans les ateliers des usines textiles ou sur les "
                "péniches, mais aussi des scènes de rue d’une modernité surprenante. Odile "
                "Harmand travaillait au Rolleiflex, sans flash, avec une attention rare à la "
                "lumière naturelle.",
            ),
            ("heading", "Une artiste entre deux pays"),
            (
                "paragraph",
                "Née à Strasbourg, la photographe a vécu plusieurs années à Berlin dans les "
                "années 1950, où elle a fréquenté les milieux artistiques de la ville divisée. "
                "Une salle entière est consacrée à cette période, marquée par une série "
                "saisissante sur les enfants jouant dans les ruines. L’exposition sera "
                "d’ailleurs présentée au printemps prochain dans un musée berlinois, dans le "
                "cadre d’un partenariat franco-allemand.",
            ),
            (
                "quote",
                "Elle photographiait les gens que personne ne regardait, avec une dignité qui "
                "n’a rien perdu de sa force.",
                "Bertrand Kieffer, commissaire de l’exposition",
            ),
            (
                "paragraph",
                "Le musée propose en parallèle un cycle de conférences et des ateliers de tirage "
                "argentique pour les lycéens. Le catalogue, publié en coédition, rassemble des "
                "textes d’historiens de la photographie et des témoignages de proches de "
                "l’artiste. Les conservateurs espèrent que d’autres fonds, dispersés chez des "
                "particuliers, refassent surface à la faveur de l’exposition.",
            ),
        ],
    },
    {
        "section": "culture",
        "kicker": "Théâtre",
        "title": (
            "À Avignon, « Terres assoiffées », une pièce sur la sécheresse qui bouscule le festival"
        ),
        "standfirst": (
            "Le spectacle de la jeune metteuse en scène Lou Ferracci raconte un village privé "
            "d’eau. Une réussite saluée par le public comme par la critique."
        ),
        "authors": ["nadia-benali"],
        "source": "",
        "dateline": "Avignon",
        "hours_ago": 42,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Il fait encore 33 °C lorsque les spectateurs prennent place, à 22 heures, dans "
                "la cour du lycée où se joue « Terres assoiffées ». Le décor est réduit à "
                "l’essentiel : une fontaine tarie, quelques chaises en plastique, un sol "
                "craquelé. Pendant deux heures, la metteuse en scène Lou Ferracci y fait vivre "
                "un village provençal imaginaire, confronté à une sécheresse qui dure depuis "
                "trois ans et divise peu à peu ses habitants.",
            ),
            (
                "paragraph",
                "Agriculteurs, maire, retraités, propriétaires de résidences secondaires : "
                "chacun défend sa part d’une ressource qui s’épuise. La pièce, écrite à partir "
                "de dizaines d’entretiens réalisés dans le Vaucluse et la Drôme, évite le piège "
                "du spectacle militant. Elle montre des personnages pris dans des contradictions "
                "ordinaires, capables de mauvaise foi comme de générosité, sans jamais les "
                "juger.",
            ),
            ("heading", "Un écho brûlant à l’actualité"),
            (
                "paragraph",
                "Le spectacle résonne d’autant plus fort que la région vit elle-même un été de "
                "restrictions d’eau et de canicule. Plusieurs scènes, notamment celle d’un "
                "conseil municipal houleux sur l’interdiction d’arroser, déclenchent des rires "
                "nerveux dans le public. La scène finale, une longue pluie attendue qui ne vient "
                "pas, laisse la salle dans un silence impressionnant avant une ovation de "
                "plusieurs minutes.",
            ),
            (
                "quote",
                "Je ne voulais pas faire une pièce sur le climat, mais une pièce sur ce que le "
                "manque fait aux gens, à leurs liens, à leur façon de se parler.",
                "Lou Ferracci, metteuse en scène",
            ),
            (
                "paragraph",
                "Produit par une compagnie marseillaise, « Terres assoiffées » doit partir en "
                "tournée la saison prochaine, avec des dates déjà programmées à Lyon, Marseille "
                "et Strasbourg. Plusieurs scènes nationales ont manifesté leur intérêt, et une "
                "adaptation radiophonique est à l’étude. La metteuse en scène travaille déjà à "
                "un nouveau projet, consacré cette fois aux habitants du littoral.",
            ),
        ],
    },
    {
        "section": "culture",
        "kicker": "Musique",
        "title": (
            "L’Orchestre national de Lyon triomphe à Berlin pour sa première tournée allemande"
        ),
        "standfirst": (
            "La formation a joué devant une salle comble à la Philharmonie. Elle y défend un "
            "répertoire français encore méconnu outre-Rhin."
        ),
        "authors": ["nadia-benali"],
        "source": "",
        "dateline": "Berlin",
        "hours_ago": 360,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les applaudissements ont duré plus de dix minutes. Mardi soir, l’Orchestre "
                "national de Lyon a joué à guichets fermés à la Philharmonie de Berlin, première "
                "étape d’une tournée de dix jours en Allemagne qui le mènera aussi à Hambourg, "
                "Leipzig et Munich. Au programme : Debussy, Ravel, mais aussi la Symphonie en ut "
                "de Paul Dukas et une création d’une jeune compositrice lyonnaise.",
            ),
            (
                "paragraph",
                "Le choix d’un répertoire français, parfois méconnu du public allemand, a été "
                "salué par la critique berlinoise, qui a souligné la « transparence » et la « "
                "souplesse » des cordes. La création, une pièce d’une vingtaine de minutes "
                "inspirée de la confluence du Rhône et de la Saône, a reçu un accueil "
                "chaleureux, sa compositrice étant rappelée plusieurs fois sur scène.",
            ),
            ("heading", "Un rayonnement international"),
            (
                "paragraph",
                "Cette tournée s’inscrit dans une stratégie de rayonnement international "
                "soutenue par la ville de Lyon. Le maire, Mathieu Cordier, présent à Berlin, y "
                "voit un moyen de faire connaître la scène culturelle lyonnaise et de renforcer "
                "les liens avec les villes jumelles. L’orchestre prévoit une tournée au Japon "
                "dans deux ans, ainsi que de nouveaux enregistrements consacrés à la musique "
                "française du début du XXe siècle.",
            ),
            (
                "quote",
                "Jouer Ravel à Berlin, devant un public aussi exigeant, c’est une émotion "
                "particulière. On sent que la salle écoute chaque silence.",
                "Claire Vautrin, violon solo de l’orchestre",
            ),
            (
                "paragraph",
                "L’orchestre, qui compte une centaine de musiciens permanents, a connu ces "
                "dernières années un renouvellement important de ses effectifs. Près d’un tiers "
                "de ses membres ont moins de 35 ans. Il retrouvera son public lyonnais à "
                "l’Auditorium dès la rentrée, pour un concert d’ouverture de saison consacré à "
                "Berlioz. Les billets sont déjà en vente.",
            ),
        ],
    },
    {
        "section": "culture",
        "kicker": "Patrimoine",
        "title": (
            "En Bretagne, une chapelle du XVe siècle sauvée grâce à une souscription populaire"
        ),
        "standfirst": (
            "Menacé d’effondrement, l’édifice de Plouescat a rouvert après trois ans de travaux. "
            "Plus de 2 000 donateurs ont participé au financement."
        ),
        "authors": ["marc-perrin"],
        "source": "",
        "dateline": "Plouescat",
        "hours_ago": 600,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les cloches ont sonné dimanche pour la première fois depuis près de dix ans. "
                "Après trois ans de travaux, la chapelle Saint-Guénolé, édifice du XVe siècle "
                "niché dans la campagne de Plouescat, dans le Finistère, a rouvert ses portes au "
                "public. Sa charpente, rongée par l’humidité et les insectes, menaçait de "
                "s’effondrer, et la commune, qui compte à peine 3 500 habitants, n’avait pas les "
                "moyens de la restaurer seule.",
            ),
            (
                "paragraph",
                "Le chantier, d’un montant de 1,4 million d’euros, a été financé par l’État, la "
                "région Bretagne et le département, mais aussi par une souscription populaire "
                "qui a réuni plus de 2 000 donateurs et 310 000 euros. Des charpentiers, des "
                "couvreurs et des tailleurs de pierre ont travaillé selon les techniques "
                "anciennes, en réemployant autant que possible les matériaux d’origine.",
            ),
            ("heading", "Des peintures murales redécouvertes"),
            (
                "paragraph",
                "Les travaux ont réservé une surprise : sous plusieurs couches d’enduit, les "
                "restaurateurs ont mis au jour un ensemble de peintures murales du XVIe siècle "
                "représentant des scènes de la vie de saint Guénolé et une danse macabre. Ces "
                "fresques, partiellement restaurées, sont désormais visibles du public. Des "
                "spécialistes de la peinture médiévale ont déjà fait le déplacement pour les "
                "étudier.",
            ),
            (
                "quote",
                "Cette chapelle, c’est la mémoire de la commune. Des gens qui n’y avaient jamais "
                "mis les pieds ont donné ce qu’ils pouvaient.",
                "Annick Le Roux, présidente de l’association de sauvegarde",
            ),
            (
                "paragraph",
                "La romancière Camille Aubertin, qui a grandi dans la commune voisine, a "
                "parrainé la souscription et donné une lecture lors de l’inauguration. La "
                "chapelle accueillera désormais des concerts et des expositions l’été. "
                "L’association de sauvegarde espère inspirer d’autres projets en Bretagne, une "
                "région qui compte des milliers de chapelles, dont beaucoup sont aujourd’hui "
                "menacées.",
            ),
        ],
    },
    {
        "section": "culture",
        "kicker": "Séries",
        "title": (
            "Une série tournée en Nouvelle-Calédonie ouvre le festival de la fiction de La Rochelle"
        ),
        "standfirst": (
            "« Lagon noir », thriller en six épisodes, a été entièrement tourné dans l’archipel "
            "avec des comédiens locaux. Un pari réussi pour la production ultramarine."
        ),
        "authors": ["nadia-benali"],
        "source": "",
        "dateline": "La Rochelle",
        "hours_ago": 720,
        "featured": False,
        "body": [
            (
                "paragraph",
                "C’est une première pour le festival de la fiction de La Rochelle : sa soirée "
                "d’ouverture a été confiée à une série entièrement tournée en "
                "Nouvelle-Calédonie. « Lagon noir », thriller en six épisodes diffusé à la "
                "rentrée sur une chaîne publique, suit une enquêtrice de Nouméa chargée "
                "d’élucider la disparition d’un biologiste marin sur un îlot de la côte ouest. "
                "La projection a été accueillie par une longue ovation.",
            ),
            (
                "paragraph",
                "Le tournage, étalé sur quatre mois, a mobilisé une équipe technique "
                "majoritairement locale et une trentaine de comédiens calédoniens, dont "
                "plusieurs font leurs débuts à l’écran. Les dialogues mêlent le français et "
                "plusieurs langues kanak. Les paysages, du lagon aux montagnes de la chaîne "
                "centrale, sont filmés sans exotisme, au service d’une intrigue tendue autour "
                "des enjeux miniers et environnementaux.",
            ),
            ("heading", "Une filière audiovisuelle en construction"),
            (
                "paragraph",
                "La série a bénéficié d’un fonds d’aide au tournage mis en place il y a quelques "
                "années par les autorités locales pour développer une filière audiovisuelle en "
                "Nouvelle-Calédonie. Près de 150 personnes ont été employées pendant la "
                "production. Les professionnels espèrent que ce succès attirera d’autres "
                "tournages et permettra de former une nouvelle génération de techniciens.",
            ),
            (
                "quote",
                "Nous voulions montrer notre pays tel qu’il est, complexe et magnifique, avec "
                "ses propres acteurs et ses propres histoires.",
                "Marie-Laure Poédi, productrice de la série",
            ),
            (
                "paragraph",
                "Le festival, qui présente une cinquantaine de fictions françaises et "
                "européennes, se poursuit jusqu’à dimanche. Les producteurs y ont également "
                "présenté le projet d’adaptation en série du dernier roman de Camille Aubertin, "
                "« Le Sel des jours », dont le tournage doit débuter en Bretagne à l’automne, "
                "sur l’île de Molène et dans le nord du Finistère.",
            ),
        ],
    },
    {
        "section": "sport",
        "kicker": "Athlétisme",
        "title": "Marathon de Berlin : Léa Kerboul pulvérise le record de France",
        "standfirst": (
            "La Bretonne a bouclé les 42,195 km en 2 h 19 min 48 s, devenant la première "
            "Française sous les 2 h 20. Elle termine quatrième d’une course très rapide."
        ),
        "authors": ["thomas-girard"],
        "source": "avec AFP",
        "dateline": "Berlin",
        "hours_ago": 640,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Elle a levé les bras bien avant la ligne, incrédule, en découvrant le "
                "chronomètre. Dimanche, sur le parcours réputé le plus rapide du monde, Léa "
                "Kerboul a bouclé le marathon de Berlin en 2 h 19 min 48 s, effaçant de plus "
                "d’une minute l’ancien record de France. À 28 ans, la coureuse originaire de "
                "Lorient devient la première Française à passer sous la barre symbolique des 2 h "
                "20.",
            ),
            (
                "paragraph",
                "Partie prudemment dans le deuxième groupe, Léa Kerboul a accéléré après le "
                "semi-marathon, franchi en 1 h 10 min 12 s, pour remonter une à une plusieurs "
                "concurrentes kényanes et éthiopiennes. Elle a terminé au quatrième rang d’une "
                "course remportée en 2 h 16 min par une Éthiopienne. Les conditions, fraîches et "
                "sans vent, étaient idéales dans les rues de Berlin.",
            ),
            ("heading", "Une préparation en altitude"),
            (
                "quote",
                "J’ai eu mal dans les cinq derniers kilomètres, mais je savais que c’était le "
                "jour. Ce record, je le partage avec tous ceux qui m’ont aidée à y croire.",
                "Léa Kerboul, marathonienne",
            ),
            (
                "paragraph",
                "La Bretonne avait préparé l’échéance pendant trois mois en altitude, au Kenya "
                "puis dans les Pyrénées, sous la direction de son entraîneur de toujours. "
                "Victime d’une fracture de fatigue il y a deux ans, elle avait envisagé "
                "d’arrêter sa carrière. Son retour progressif, marqué par un titre de championne "
                "de France du 10 000 mètres, laissait entrevoir un potentiel que la performance "
                "berlinoise a confirmé.",
            ),
            (
                "paragraph",
                "Ce chrono place Léa Kerboul parmi les quinze meilleures marathoniennes de "
                "l’année au niveau mondial et en fait une candidate sérieuse à une médaille lors "
                "des prochains championnats du monde. La Fédération française d’athlétisme a "
                "salué « un exploit historique » pour la course de fond française, longtemps en "
                "retrait sur la distance face aux nations africaines et européennes.",
            ),
        ],
    },
    {
        "section": "sport",
        "kicker": "Rugby",
        "title": "Top 14 : le LOU renverse Toulon au terme d’un final haletant",
        "standfirst": (
            "Menés de dix points à un quart d’heure de la fin, les Lyonnais se sont imposés "
            "27-23 grâce à un essai inscrit dans les arrêts de jeu."
        ),
        "authors": ["thomas-girard"],
        "source": "",
        "dateline": "Lyon",
        "hours_ago": 68,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Le stade de Gerland a retenu son souffle jusqu’à la dernière seconde. Samedi "
                "soir, le Lyon olympique universitaire a battu le RC Toulon 27-23, au terme d’un "
                "match longtemps dominé par les Varois. Menés 13-23 à un quart d’heure de la "
                "fin, les Lyonnais ont inscrit deux essais dans les dernières minutes, dont "
                "celui de la victoire, en force, après plus de trois minutes de temps "
                "additionnel.",
            ),
            (
                "paragraph",
                "Toulon avait pourtant parfaitement entamé la rencontre. Portés par une conquête "
                "dominatrice et un buteur en réussite, les visiteurs menaient 16-6 à la pause. "
                "Les Lyonnais, pénalisés à de multiples reprises en mêlée, semblaient incapables "
                "de franchir le rideau défensif toulonnais. L’entrée en jeu de plusieurs "
                "remplaçants, dont le demi de mêlée, a changé la physionomie du match.",
            ),
            ("heading", "Un vestiaire soulagé"),
            (
                "paragraph",
                "Cette victoire permet au LOU de remonter à la sixième place du classement, "
                "synonyme de qualification pour la phase finale. Les Lyonnais restaient sur deux "
                "défaites consécutives à domicile, qui avaient suscité l’inquiétude de leurs "
                "supporteurs. Toulon, de son côté, repart avec le point du bonus défensif, mais "
                "laisse échapper l’occasion de se rapprocher du haut du tableau.",
            ),
            (
                "quote",
                "On n’a rien lâché. Ce genre de match, on l’aurait perdu il y a quelques mois. "
                "Ça montre que ce groupe a du caractère.",
                "Romain Esteban, capitaine du LOU",
            ),
            (
                "paragraph",
                "Le LOU se déplacera la semaine prochaine à Clermont, avant de recevoir le Stade "
                "toulousain dans un match qui s’annonce déjà décisif pour la qualification. Près "
                "de 24 000 spectateurs ont assisté à la rencontre à Lyon, un record pour le club "
                "cette saison, malgré une chaleur encore pesante au coup d’envoi.",
            ),
        ],
    },
    {
        "section": "sport",
        "kicker": "Football",
        "title": "Ligue 1 : l’OM arrache le nul face à Lens dans un Vélodrome en fusion",
        "standfirst": (
            "Les Marseillais ont égalisé à la 89e minute (2-2). Ils restent au contact du podium."
        ),
        "authors": ["thomas-girard"],
        "source": "",
        "dateline": "Marseille",
        "hours_ago": 90,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Le Vélodrome a explosé à la 89e minute. Alors que Marseille semblait se diriger "
                "vers une défaite frustrante, un défenseur central monté aux avant-postes a "
                "repris de la tête un corner pour égaliser face au RC Lens (2-2), dimanche soir. "
                "Un point arraché au bout d’une rencontre intense, disputée devant 64 000 "
                "spectateurs, qui permet à l’OM de rester au contact du podium de la Ligue 1.",
            ),
            (
                "paragraph",
                "Les Lensois avaient frappé les premiers, dès la 12e minute, sur une "
                "contre-attaque rondement menée. Marseille avait égalisé peu avant la pause sur "
                "penalty, avant de reprendre une domination stérile en seconde période. Les "
                "Nordistes ont profité d’une erreur de relance pour reprendre l’avantage à "
                "l’heure de jeu, et ont ensuite longtemps résisté aux assauts marseillais.",
            ),
            ("heading", "Des regrets des deux côtés"),
            (
                "paragraph",
                "L’entraîneur marseillais a regretté le manque de réalisme de ses attaquants, "
                "qui ont tiré à vingt et une reprises sans parvenir à faire la différence avant "
                "les dernières minutes. Côté lensois, on déplorait d’avoir reculé trop tôt. Les "
                "deux équipes ont longtemps proposé un jeu de qualité, malgré la chaleur encore "
                "étouffante en début de soirée à Marseille.",
            ),
            (
                "quote",
                "On a montré qu’on ne baissait jamais les bras. Mais à domicile, il faut savoir "
                "tuer les matchs plus tôt.",
                "Yanis Belkacem, milieu de terrain de l’OM",
            ),
            (
                "paragraph",
                "L’OM se rendra mercredi à Nantes pour un match en retard, avant un déplacement "
                "périlleux à Monaco. L’état de la pelouse du Vélodrome, abîmée par la chaleur et "
                "par les restrictions d’arrosage, a par ailleurs suscité les critiques des deux "
                "entraîneurs. Le club assure que des travaux seront menés lors de la prochaine "
                "trêve internationale.",
            ),
        ],
    },
    {
        "section": "sport",
        "kicker": "Cyclisme",
        "title": "Tour de France : en Bretagne, un sprint massif sous une chaleur accablante",
        "standfirst": (
            "L’étape entre Saint-Malo et Lorient s’est jouée au sprint. Les organisateurs ont "
            "multiplié les points de ravitaillement en eau."
        ),
        "authors": ["thomas-girard"],
        "source": "avec AFP",
        "dateline": "Lorient",
        "hours_ago": 15,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Au terme de 194 kilomètres courus sous un soleil de plomb, l’étape entre "
                "Saint-Malo et Lorient s’est conclue, comme prévu, par un sprint massif. Le "
                "Français Hugo Tanguy, coureur d’une équipe bretonne, a devancé d’une demi-roue "
                "deux sprinteurs néerlandais au terme d’un emballage final parfaitement maîtrisé "
                "par ses coéquipiers. C’est la première victoire d’étape sur le Tour pour ce "
                "coureur de 24 ans, originaire de Vannes.",
            ),
            (
                "paragraph",
                "La journée a été marquée par une chaleur inhabituelle pour la Bretagne, avec "
                "des températures dépassant 34 °C dans l’intérieur des terres. Météo-France "
                "avait placé les Côtes-d’Armor et le Morbihan en vigilance orange canicule. Les "
                "organisateurs ont doublé le nombre de ravitaillements en eau et autorisé les "
                "équipes à fournir des bidons glacés aux coureurs jusqu’à dix kilomètres de "
                "l’arrivée, au lieu des vingt habituels.",
            ),
            ("heading", "Une foule immense au bord des routes"),
            (
                "paragraph",
                "Malgré la chaleur, des centaines de milliers de spectateurs se sont massés le "
                "long du parcours, notamment dans la côte de Mûr-de-Bretagne, franchie en milieu "
                "d’étape. Les secouristes ont pris en charge plusieurs dizaines de personnes "
                "victimes de malaises. Les services de l’État avaient multiplié les messages de "
                "prévention, invitant le public à s’hydrater et à se protéger du soleil.",
            ),
            (
                "quote",
                "Gagner en Bretagne, devant ma famille, avec un maillot breton, je n’aurais pas "
                "pu rêver mieux. Les gars ont fait un travail énorme toute la journée.",
                "Hugo Tanguy, vainqueur de l’étape",
            ),
            (
                "paragraph",
                "Aucun changement n’est intervenu au classement général, le maillot jaune ayant "
                "passé une journée tranquille au sein du peloton. La course quitte la Bretagne "
                "mardi pour une étape de transition vers les Pays de la Loire, avant l’entrée "
                "dans le Massif central, où les premières difficultés devraient provoquer des "
                "écarts entre les favoris.",
            ),
        ],
    },
    {
        "section": "sport",
        "kicker": "Voile",
        "title": (
            "Course au large : trente-deux skippers s’élancent de Lorient pour une "
            "transatlantique en solitaire"
        ),
        "standfirst": (
            "La flotte met le cap sur la Martinique. Plusieurs bateaux de nouvelle génération, "
            "équipés de foils, jouent la victoire."
        ),
        "authors": ["thomas-girard"],
        "source": "",
        "dateline": "Lorient",
        "hours_ago": 800,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Sous un ciel voilé et par un vent de nord-ouest modéré, trente-deux skippers se "
                "sont élancés dimanche de Lorient pour la Transat des Alizés, une course en "
                "solitaire de plus de 4 000 milles nautiques vers Fort-de-France, en Martinique. "
                "Des milliers de spectateurs, massés sur les quais de la base sous-marine et sur "
                "les plages de la rade, ont salué le départ des voiliers.",
            ),
            (
                "paragraph",
                "Parmi les favoris figurent plusieurs monocoques de nouvelle génération, équipés "
                "de foils qui leur permettent de voler au-dessus de l’eau par vent soutenu. Ces "
                "bateaux, dont le coût dépasse plusieurs millions d’euros, pourraient boucler la "
                "traversée en une dizaine de jours. Les premiers jours s’annoncent délicats, "
                "avec la traversée du golfe de Gascogne et une dépression attendue au large de "
                "la Bretagne.",
            ),
            ("heading", "Six femmes au départ"),
            (
                "paragraph",
                "Six navigatrices participent à la course, un record pour l’épreuve. Parmi "
                "elles, la Lorientaise Gwenola Riou, qui dispute sa troisième transatlantique et "
                "vise le podium à bord d’un bateau de génération précédente optimisé pendant "
                "l’hiver. Plusieurs skippers ont également embarqué des capteurs scientifiques "
                "destinés à mesurer la température et la salinité de l’océan, au profit de "
                "laboratoires de recherche.",
            ),
            (
                "quote",
                "En solitaire, on part pour une course contre les autres, mais surtout contre "
                "soi-même. Je veux naviguer proprement, sans casser le bateau.",
                "Gwenola Riou, skippeuse",
            ),
            (
                "paragraph",
                "Les organisateurs ont prévu plusieurs portes de passage obligatoires, notamment "
                "au large des Canaries, pour éviter que les concurrents ne s’aventurent dans des "
                "zones météorologiques trop dangereuses. L’arrivée des premiers bateaux est "
                "attendue dans une douzaine de jours en Martinique, où un village de course "
                "accueillera le public pendant trois semaines.",
            ),
        ],
    },
    {
        "section": "sport",
        "kicker": "Handball",
        "title": "Handball : les Bleues dominent la Norvège à Strasbourg et filent en demi-finale",
        "standfirst": (
            "L’équipe de France féminine s’est imposée 29-24 en quart de finale de l’Euro. Sa "
            "gardienne, en état de grâce, a fait la différence."
        ),
        "authors": ["thomas-girard"],
        "source": "",
        "dateline": "Strasbourg",
        "hours_ago": 420,
        "featured": False,
        "body": [
            (
                "paragraph",
                "La salle du Rhénus, à Strasbourg, a vibré comme rarement. Mercredi soir, "
                "l’équipe de France féminine de handball a battu la Norvège 29-24 en quart de "
                "finale de l’Euro, au terme d’un match maîtrisé de bout en bout. Les Bleues "
                "affronteront vendredi le Danemark en demi-finale, avec l’ambition de retrouver "
                "la finale d’une compétition qu’elles n’ont plus remportée depuis plusieurs "
                "années.",
            ),
            (
                "paragraph",
                "Face à l’une des meilleures nations du monde, les Françaises ont imposé une "
                "défense agressive et efficace, poussant les Norvégiennes à multiplier les tirs "
                "de loin. Derrière ce mur, la gardienne Manon Duchemin a réalisé un match "
                "exceptionnel, avec dix-sept arrêts et un taux de réussite de 43 %. Elle a été "
                "élue meilleure joueuse de la rencontre.",
            ),
            ("heading", "Une salle acquise aux Bleues"),
            (
                "paragraph",
                "Les 6 000 spectateurs strasbourgeois ont porté les Françaises, notamment lors "
                "d’un passage délicat en début de seconde période, quand la Norvège est revenue "
                "à deux buts. Un partiel de 6-1 a ensuite permis aux Bleues de creuser l’écart "
                "définitivement. L’ailière gauche de l’équipe a terminé meilleure marqueuse avec "
                "sept buts, dont trois contre-attaques conclues en moins de cinq minutes.",
            ),
            (
                "quote",
                "On a fait le match parfait en défense. Mais rien n’est fait, le Danemark nous "
                "attend et il faudra être encore meilleures.",
                "Manon Duchemin, gardienne de l’équipe de France",
            ),
            (
                "paragraph",
                "La demi-finale se jouera également à Strasbourg, dans une salle qui affiche "
                "déjà complet. La sélectionneuse a indiqué qu’elle devrait reconduire le même "
                "groupe, aucune joueuse n’ayant été blessée. La finale est programmée dimanche, "
                "et la fédération espère y voir les Bleues pour la première fois depuis "
                "plusieurs éditions, devant son public.",
            ),
        ],
    },
    {
        "section": "sport",
        "kicker": "Sport amateur",
        "title": (
            "Canicule et sécheresse : les clubs amateurs privés de terrains et d’entraînements"
        ),
        "standfirst": (
            "Arrosage interdit, matchs décalés, stages annulés : la chaleur bouleverse l’été "
            "sportif. Les fédérations sont appelées à adapter leurs calendriers."
        ),
        "authors": ["thomas-girard", "sophie-garnier"],
        "source": "",
        "dateline": "Lyon",
        "hours_ago": 24,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Au stade municipal de Vénissieux, dans la banlieue de Lyon, la pelouse a pris "
                "la couleur de la paille. Depuis que la préfecture a interdit l’arrosage des "
                "terrains de sport, les gazons souffrent et les clubs amateurs s’adaptent tant "
                "bien que mal. Partout dans le Sud-Est, la sécheresse et la canicule "
                "bouleversent les stages de préparation estivale, les tournois de jeunes et les "
                "compétitions de reprise.",
            ),
            (
                "paragraph",
                "Dans la plupart des départements concernés, les restrictions d’eau autorisent "
                "l’arrosage des terrains de compétition la nuit, mais interdisent celui des "
                "terrains d’entraînement. Les clubs se rabattent sur les pelouses synthétiques, "
                "souvent saturées, ou décalent leurs séances tôt le matin et tard le soir. "
                "Certains ont tout simplement annulé leurs stages d’été, faute de conditions "
                "sûres pour les jeunes.",
            ),
            ("heading", "Les fédérations appelées à réagir"),
            (
                "paragraph",
                "Lors d’un déplacement à Lyon, la ministre de la Transition écologique, Hélène "
                "Vasseur, a rappelé que les règles de restriction s’appliquaient aussi au sport, "
                "tout en promettant un accompagnement pour les collectivités qui souhaitent "
                "installer des systèmes de récupération d’eau de pluie. Le maire, Mathieu "
                "Cordier, a annoncé que la ville équiperait trois stades de cuves de stockage "
                "d’ici à l’an prochain.",
            ),
            (
                "quote",
                "On ne peut plus demander aux enfants de courir à 15 heures par 38 degrés. Il "
                "faut revoir les calendriers, quitte à bousculer des habitudes très anciennes.",
                "Léa Kerboul, marathonienne et marraine d’un club d’athlétisme lyonnais",
            ),
            (
                "paragraph",
                "Plusieurs fédérations envisagent déjà de décaler le début des compétitions "
                "amateurs ou de multiplier les rencontres en soirée, comme le réclame la "
                "marathonienne Léa Kerboul. Les médecins du sport rappellent que la chaleur "
                "augmente fortement le risque de coup de chaleur, y compris chez les sportifs "
                "bien entraînés. Météo-France prévoit que ces épisodes deviendront plus "
                "fréquents et plus intenses au cours des prochaines décennies.",
            ),
        ],
    },
    {
        "section": "sciences",
        "kicker": "Archéologie",
        "title": "À Marseille, des archéologues mettent au jour un quai de l’époque grecque",
        "standfirst": (
            "Des fouilles préventives menées près du Vieux-Port ont révélé des aménagements "
            "portuaires vieux de plus de 2 400 ans. Une découverte exceptionnelle pour "
            "l’histoire de Massalia."
        ),
        "authors": ["elise-fournier"],
        "source": "",
        "dateline": "Marseille",
        "hours_ago": 5,
        "featured": False,
        "body": [
            (
                "paragraph",
                "C’est une découverte qui enthousiasme la communauté scientifique. Sur le "
                "chantier d’un futur immeuble, à quelques centaines de mètres du Vieux-Port de "
                "Marseille, des archéologues ont mis au jour les vestiges d’un quai en pierre "
                "datant du IVe siècle avant notre ère, à l’époque où la ville s’appelait encore "
                "Massalia et comptait parmi les principales cités grecques de la Méditerranée "
                "occidentale.",
            ),
            (
                "paragraph",
                "Les fouilles ont révélé un alignement de gros blocs de calcaire soigneusement "
                "taillés, sur une trentaine de mètres, ainsi que des pieux en bois "
                "remarquablement conservés dans les sédiments gorgés d’eau. Des centaines de "
                "fragments d’amphores, de céramiques fines et des restes de cordages ont "
                "également été exhumés. Leur étude devrait permettre de mieux comprendre les "
                "échanges commerciaux de la cité antique.",
            ),
            ("heading", "Un port plus étendu qu’on ne le pensait"),
            (
                "paragraph",
                "Jusqu’à présent, les historiens situaient les installations portuaires grecques "
                "plus au nord. Cette découverte montre que le port antique occupait un espace "
                "bien plus vaste. Les datations au carbone 14 des pieux, attendues dans les "
                "prochaines semaines, permettront de préciser la chronologie. Des plongées sont "
                "également prévues dans les fonds voisins pour rechercher d’éventuelles épaves.",
            ),
            (
                "quote",
                "C’est la première fois qu’on voit un quai grec aussi bien conservé à Marseille. "
                "On touche du doigt le travail des dockers d’il y a vingt-quatre siècles.",
                "Pierre-Alain Rocher, archéologue responsable des fouilles",
            ),
            (
                "paragraph",
                "Le promoteur immobilier a accepté de suspendre son chantier pendant trois mois "
                "supplémentaires pour permettre la poursuite des fouilles. Les élus "
                "réfléchissent à la possibilité de conserver une partie des vestiges et de les "
                "présenter au public, comme cela avait été fait il y a plusieurs décennies pour "
                "le jardin des vestiges, près de la Bourse. Une exposition temporaire est "
                "envisagée au musée d’Histoire de Marseille.",
            ),
        ],
    },
    {
        "section": "sciences",
        "kicker": "Climat",
        "title": (
            "Météo-France confirme : le printemps a été le plus sec jamais mesuré dans le Sud-Est"
        ),
        "standfirst": (
            "Le bilan publié par le service météorologique national dresse un état alarmant des "
            "sols et des nappes. Les prévisions saisonnières n’annoncent pas d’amélioration."
        ),
        "authors": ["elise-fournier"],
        "source": "",
        "dateline": "Toulouse",
        "hours_ago": 110,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les chiffres confirment ce que les agriculteurs et les gestionnaires de l’eau "
                "constatent depuis des mois. Dans son bilan publié mardi, Météo-France indique "
                "que le printemps a été le plus sec jamais mesuré dans le Sud-Est depuis le "
                "début des relevés, en 1959. Le déficit de précipitations atteint 65 % en "
                "Provence et 55 % dans la vallée du Rhône, avec des températures supérieures de "
                "1,8 °C aux normales.",
            ),
            (
                "paragraph",
                "L’humidité des sols, indicateur clé pour l’agriculture et le risque d’incendie, "
                "a atteint des niveaux habituellement observés à la fin du mois d’août. Les "
                "nappes phréatiques, qui n’ont pas pu se recharger durant l’hiver, affichent des "
                "niveaux bas à très bas sur une large partie du territoire. Cette sécheresse, "
                "dite « éclair » par sa rapidité d’installation, inquiète les scientifiques.",
            ),
            ("heading", "Une tendance de fond"),
            (
                "paragraph",
                "Pour les climatologues, cet épisode s’inscrit dans une tendance de long terme. "
                "Les projections montrent que les sécheresses printanières et estivales "
                "devraient devenir plus fréquentes et plus intenses autour de la Méditerranée à "
                "mesure que le climat se réchauffe. Les précipitations hivernales, qui "
                "rechargent les nappes, pourraient elles aussi devenir plus irrégulières, avec "
                "des épisodes intenses séparés de longues périodes sèches.",
            ),
            (
                "quote",
                "Ce que nous considérions comme exceptionnel il y a vingt ans devient une "
                "situation que nous rencontrerons régulièrement. Il faut s’y préparer dès "
                "maintenant.",
                "Sylvie Lacombe, climatologue à Météo-France",
            ),
            (
                "paragraph",
                "Les prévisions saisonnières de Météo-France indiquent une probabilité élevée "
                "d’un été plus chaud que la normale, sans signal clair sur les précipitations. "
                "Les préfets ont été invités à anticiper les restrictions d’eau, et les "
                "gestionnaires de réseaux à préparer des solutions d’approvisionnement de "
                "secours pour les communes les plus vulnérables.",
            ),
        ],
    },
    {
        "section": "sciences",
        "kicker": "Océans",
        "title": "En Méditerranée, une vague de chaleur marine menace les herbiers de posidonie",
        "standfirst": (
            "La température de surface de l’eau a dépassé 29 °C au large de la Corse et de la "
            "Provence. Les biologistes redoutent une mortalité massive de certaines espèces."
        ),
        "authors": ["elise-fournier"],
        "source": "",
        "dateline": "Villefranche-sur-Mer",
        "hours_ago": 65,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les plongeurs l’ont constaté en premier : au large de la Provence, l’eau est "
                "anormalement chaude, même à plusieurs dizaines de mètres de profondeur. Depuis "
                "trois semaines, la Méditerranée occidentale connaît une vague de chaleur marine "
                "d’une intensité exceptionnelle. La température de surface a dépassé 29 °C en "
                "plusieurs points, soit 4 à 5 degrés de plus que les normales de saison, selon "
                "les données satellitaires.",
            ),
            (
                "paragraph",
                "Les biologistes de l’observatoire océanologique de Villefranche-sur-Mer "
                "redoutent des conséquences graves pour les herbiers de posidonie, ces plantes "
                "marines qui abritent de nombreuses espèces et stockent de grandes quantités de "
                "carbone. Les gorgones, les éponges et certains mollusques, incapables de fuir "
                "la chaleur, sont également menacés. Lors des précédents épisodes, des "
                "mortalités massives avaient été observées jusqu’à quarante mètres de fond.",
            ),
            ("heading", "Un phénomène de plus en plus fréquent"),
            (
                "paragraph",
                "Les vagues de chaleur marines sont devenues plus fréquentes et plus longues "
                "depuis le début des années 2000. La Méditerranée, mer semi-fermée, se réchauffe "
                "environ 20 % plus vite que la moyenne des océans. Un rapport récent coordonné "
                "sous l’égide des Nations unies souligne que ces épisodes menacent la pêche, le "
                "tourisme et l’équilibre des écosystèmes côtiers de l’ensemble du bassin.",
            ),
            (
                "quote",
                "Nous assistons en direct à une transformation de la Méditerranée. Certaines "
                "espèces tropicales s’installent, tandis que des espèces emblématiques reculent.",
                "Julie Marcadet, biologiste marine",
            ),
            (
                "paragraph",
                "Les chercheurs appellent à renforcer la protection des herbiers, notamment en "
                "limitant l’ancrage des bateaux de plaisance, qui arrachent les plantes. "
                "Plusieurs communes du littoral, de Marseille à Nice, ont déjà installé des "
                "bouées d’amarrage écologiques. Un programme de suivi participatif invite aussi "
                "les plongeurs amateurs à signaler les mortalités observées.",
            ),
        ],
    },
    {
        "section": "sciences",
        "kicker": "Biodiversité",
        "title": "Nouvelle-Calédonie : un épisode de blanchissement touche les récifs du lagon",
        "standfirst": (
            "Les scientifiques observent un blanchissement des coraux sur près d’un tiers des "
            "sites surveillés. Le lagon est inscrit au patrimoine mondial de l’Unesco."
        ),
        "authors": ["elise-fournier"],
        "source": "avec AFP",
        "dateline": "Nouméa",
        "hours_ago": 230,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Les premières alertes sont venues des plongeurs et des pêcheurs. Depuis "
                "plusieurs semaines, les coraux du lagon de Nouvelle-Calédonie perdent leurs "
                "couleurs. Les équipes scientifiques ont confirmé un épisode de blanchissement "
                "touchant près d’un tiers des sites surveillés, notamment au sud de la Grande "
                "Terre. Ce phénomène survient lorsque l’eau, trop chaude, pousse les coraux à "
                "expulser les algues microscopiques avec lesquelles ils vivent en symbiose.",
            ),
            (
                "paragraph",
                "La température de l’eau a dépassé de plus d’un degré les moyennes saisonnières "
                "pendant près de deux mois, une durée suffisante pour déclencher un "
                "blanchissement massif. Si l’eau se rafraîchit rapidement, une partie des coraux "
                "pourra récupérer. Dans le cas contraire, la mortalité pourrait être importante, "
                "comme lors du dernier épisode majeur, il y a une dizaine d’années.",
            ),
            ("heading", "Un patrimoine mondial sous surveillance"),
            (
                "paragraph",
                "Les lagons de Nouvelle-Calédonie, qui abritent l’un des plus vastes ensembles "
                "récifaux du monde, sont inscrits au patrimoine mondial depuis 2008. L’Unesco, "
                "agence de l’ONU chargée de l’éducation, de la science et de la culture, suit de "
                "près leur état de conservation. Les chercheurs soulignent que les récifs "
                "calédoniens restent en meilleure santé que beaucoup d’autres, grâce à une "
                "pression humaine relativement limitée.",
            ),
            (
                "quote",
                "Nos récifs ont montré une belle capacité de résilience. Mais la répétition des "
                "épisodes de chaleur ne leur laisse plus le temps de se reconstituer.",
                "Thierry Ouetcho, biologiste spécialiste des coraux à Nouméa",
            ),
            (
                "paragraph",
                "Un protocole de suivi renforcé a été mis en place, mobilisant chercheurs, "
                "gestionnaires d’aires marines et bénévoles. Les résultats seront transmis aux "
                "experts de l’ONU qui préparent un rapport mondial sur l’état des récifs "
                "coralliens, attendu l’an prochain, et qui devrait servir de base aux prochaines "
                "négociations sur la protection des océans.",
            ),
        ],
    },
    {
        "section": "sciences",
        "kicker": "Santé",
        "title": "Le moustique tigre poursuit sa progression et s’installe en Bretagne",
        "standfirst": (
            "L’insecte, vecteur potentiel de la dengue et du chikungunya, est présent dans plus "
            "de 80 départements. Les autorités sanitaires appellent à la vigilance."
        ),
        "authors": ["elise-fournier"],
        "source": "",
        "dateline": "Rennes",
        "hours_ago": 300,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Il n’a fallu qu’une vingtaine d’années au moustique tigre pour conquérir une "
                "large partie du territoire. Selon le dernier bilan des autorités sanitaires, "
                "l’insecte est désormais implanté dans plus de 80 départements métropolitains, "
                "dont, pour la première fois, l’Ille-et-Vilaine et le Morbihan. Sa présence en "
                "Bretagne, longtemps jugée improbable en raison du climat océanique, illustre sa "
                "remarquable capacité d’adaptation.",
            ),
            (
                "paragraph",
                "Reconnaissable à ses rayures noires et blanches, le moustique tigre pique "
                "surtout en journée et se reproduit dans de petites quantités d’eau stagnante : "
                "soucoupes, gouttières, pneus abandonnés. Il peut transmettre la dengue, le "
                "chikungunya ou le virus Zika lorsqu’il a lui-même piqué une personne infectée, "
                "généralement de retour d’un séjour en zone tropicale.",
            ),
            ("heading", "Des cas autochtones en hausse"),
            (
                "paragraph",
                "L’an dernier, plusieurs dizaines de cas de dengue autochtone, contractés sur le "
                "territoire sans voyage préalable, ont été recensés, principalement autour de la "
                "Méditerranée, dans la région de Marseille, mais aussi dans la vallée du Rhône, "
                "près de Lyon. Chaque cas déclenche une enquête et des opérations de "
                "démoustication autour du domicile de la personne malade.",
            ),
            (
                "quote",
                "La lutte contre le moustique tigre se joue d’abord dans les jardins et sur les "
                "balcons. Supprimer les eaux stagnantes, c’est le geste le plus efficace.",
                "Dr Anne Quéré, entomologiste médicale",
            ),
            (
                "paragraph",
                "Les autorités encouragent les habitants à signaler la présence de l’insecte sur "
                "une plateforme en ligne, afin d’affiner la cartographie de sa progression. Les "
                "chercheurs testent par ailleurs des méthodes de lutte biologique, comme le "
                "lâcher de moustiques mâles stériles, déjà expérimenté avec succès à La Réunion "
                "et dans quelques communes de métropole.",
            ),
        ],
    },
    {
        "section": "sciences",
        "kicker": "Espace",
        "title": "Un satellite européen d’observation du climat lancé avec succès depuis la Guyane",
        "standfirst": (
            "L’engin doit mesurer avec précision les émissions de méthane et de CO2. Il renforce "
            "le programme d’observation de la Terre de l’Union européenne."
        ),
        "authors": ["elise-fournier"],
        "source": "avec AFP",
        "dateline": "Kourou",
        "hours_ago": 470,
        "featured": False,
        "body": [
            (
                "paragraph",
                "La fusée a décollé à l’heure prévue, dans la nuit de mardi à mercredi, depuis "
                "le centre spatial guyanais de Kourou. Une cinquantaine de minutes plus tard, le "
                "satellite se séparait du lanceur et transmettait ses premiers signaux. Conçu et "
                "assemblé en grande partie à Toulouse, l’engin doit mesurer avec une précision "
                "inédite les concentrations de dioxyde de carbone et de méthane dans "
                "l’atmosphère.",
            ),
            (
                "paragraph",
                "Le satellite fait partie du programme européen d’observation de la Terre, "
                "financé par l’Union européenne et mis en œuvre avec l’Agence spatiale "
                "européenne. Ses données, accessibles gratuitement, permettront de vérifier les "
                "émissions déclarées par les États et de repérer les fuites de méthane sur les "
                "installations gazières et pétrolières, même les plus isolées.",
            ),
            ("heading", "Un outil pour les négociations climatiques"),
            (
                "paragraph",
                "Pour les scientifiques, il s’agit d’un outil majeur. Jusqu’à présent, les "
                "inventaires d’émissions reposaient essentiellement sur les déclarations des "
                "pays, parfois incomplètes. Les mesures satellitaires fourniront une "
                "vérification indépendante, utile lors des négociations climatiques organisées "
                "sous l’égide de l’ONU. À Bruxelles, la Commission y voit aussi un moyen de "
                "contrôler l’application des règles européennes sur le méthane.",
            ),
            (
                "quote",
                "Nous allons voir ce qui était jusqu’ici invisible. Aucune grande fuite de "
                "méthane ne pourra passer inaperçue.",
                "Sébastien Morvan, ingénieur responsable de la mission",
            ),
            (
                "paragraph",
                "Le satellite entrera en service opérationnel après une phase de tests de six "
                "mois. Deux autres engins identiques doivent être lancés d’ici à trois ans pour "
                "améliorer la fréquence des observations. L’UE prévoit de consacrer près de 6 "
                "milliards d’euros à ce programme au cours des sept prochaines années, un effort "
                "salué par la communauté scientifique.",
            ),
        ],
    },
    {
        "section": "sciences",
        "kicker": "Énergie",
        "title": (
            "Éolien en mer : au large de la Bretagne, les premières éoliennes flottantes entrent "
            "en service"
        ),
        "standfirst": (
            "Raccordées au réseau, trois machines installées au large de Groix ont produit leurs "
            "premiers mégawattheures. Une étape pour toute la filière."
        ),
        "authors": ["elise-fournier", "antoine-roux"],
        "source": "",
        "dateline": "Lorient",
        "hours_ago": 150,
        "featured": False,
        "body": [
            (
                "paragraph",
                "Au large de Groix, à une vingtaine de kilomètres des côtes, trois immenses "
                "éoliennes flottantes tournent désormais au gré du vent. Raccordées la semaine "
                "dernière au réseau électrique, elles ont produit leurs premiers mégawattheures, "
                "a annoncé lundi l’exploitant. Ce parc pilote, le premier de cette taille en "
                "France, doit préfigurer une série de projets commerciaux au large de la "
                "Bretagne et en Méditerranée.",
            ),
            (
                "paragraph",
                "Contrairement aux éoliennes posées, fixées au fond marin, les éoliennes "
                "flottantes reposent sur des structures ancrées par des câbles, ce qui permet de "
                "les installer dans des eaux plus profondes, plus loin des côtes. Chacune des "
                "machines, d’une puissance de 10 mégawatts, culmine à plus de 200 mètres "
                "au-dessus de l’eau. Le parc pourra alimenter l’équivalent de 50 000 habitants.",
            ),
            ("heading", "Une filière industrielle en devenir"),
            (
                "paragraph",
                "Les flotteurs ont été assemblés dans le port de Lorient, où plusieurs centaines "
                "de personnes ont travaillé sur le chantier. La ministre de la Transition "
                "écologique, Hélène Vasseur, présente lors de l’inauguration, a confirmé le "
                "lancement de deux appels d’offres pour des parcs commerciaux d’une puissance "
                "totale de 1,5 gigawatt, l’un en Bretagne, l’autre en Méditerranée, au large du "
                "golfe du Lion.",
            ),
            (
                "quote",
                "L’éolien flottant peut devenir pour nos ports ce que la construction navale a "
                "été au siècle dernier.",
                "Hélène Vasseur, ministre de la Transition écologique",
            ),
            (
                "paragraph",
                "Les pêcheurs restent toutefois vigilants. Ils ont obtenu que certaines zones de "
                "navigation restent ouvertes entre les éoliennes et réclament des études "
                "approfondies sur les effets des câbles et des structures sur les ressources "
                "halieutiques. Des suivis scientifiques sur la faune marine, les oiseaux et les "
                "mammifères marins seront menés pendant toute la durée d’exploitation.",
            ),
        ],
    },
]

FLASHES = [
    {
        "text": (
            "Canicule : quatre départements du Sud-Est placés en vigilance rouge par Météo-France"
        ),
        "priority": "alerte",
        "article_index": 7,
    },
    {
        "text": (
            "Incendie dans le massif de l’Étoile : le feu est fixé, aucune victime n’est à déplorer"
        ),
        "priority": "urgent",
        "article_index": 12,
    },
    {
        "text": (
            "Trafic interrompu jusqu’à 20 heures sur la ligne TER entre Lyon et Grenoble en "
            "raison d’un incident technique"
        ),
        "priority": "info",
        "article_index": None,
    },
]

TOPICS = [
    {
        "name": "Lyon",
        "kind": "place",
        "aliases": [],
        "description": (
            "Troisième ville de France, préfecture du Rhône et de la région Auvergne-Rhône-Alpes."
        ),
    },
    {
        "name": "Marseille",
        "kind": "place",
        "aliases": [],
        "description": (
            "Deuxième ville de France et premier port du pays, sur la côte méditerranéenne."
        ),
    },
    {
        "name": "Bruxelles",
        "kind": "place",
        "aliases": [],
        "description": (
            "Capitale de la Belgique, où siègent la Commission européenne et le Conseil de l’UE."
        ),
    },
    {
        "name": "Berlin",
        "kind": "place",
        "aliases": [],
        "description": "Capitale de l’Allemagne et plus grande ville du pays.",
    },
    {
        "name": "Strasbourg",
        "kind": "place",
        "aliases": [],
        "description": "Préfecture du Bas-Rhin, siège officiel du Parlement européen.",
    },
    {
        "name": "Bretagne",
        "kind": "place",
        "aliases": [],
        "description": (
            "Région de l’ouest de la France, bordée par la Manche et l’océan Atlantique."
        ),
    },
    {
        "name": "Nouvelle-Calédonie",
        "kind": "place",
        "aliases": [],
        "description": "Archipel français du Pacifique Sud, dont Nouméa est la capitale.",
    },
    {
        "name": "Méditerranée",
        "kind": "place",
        "aliases": [],
        "description": (
            "Mer semi-fermée bordée par l’Europe du Sud, l’Afrique du Nord et le Proche-Orient."
        ),
    },
    {
        "name": "Union européenne",
        "kind": "organisation",
        "aliases": ["UE"],
        "description": "Union politique et économique de vingt-sept États membres européens.",
    },
    {
        "name": "Organisation des Nations unies",
        "kind": "organisation",
        "aliases": ["ONU", "Nations unies"],
        "description": (
            "Organisation internationale fondée en 1945, qui réunit la quasi-totalité des États "
            "du monde."
        ),
    },
    {
        "name": "Assemblée nationale",
        "kind": "organisation",
        "aliases": [],
        "description": "Chambre basse du Parlement français, élue au suffrage universel direct.",
    },
    {
        "name": "Banque centrale européenne",
        "kind": "organisation",
        "aliases": ["BCE"],
        "description": (
            "Institution chargée de la politique monétaire de la zone euro, installée à Francfort."
        ),
    },
    {
        "name": "Météo-France",
        "kind": "organisation",
        "aliases": [],
        "description": "Service météorologique et climatologique national français.",
    },
    {
        "name": "INSEE",
        "kind": "organisation",
        "aliases": [],
        "description": (
            "Institut national de la statistique et des études économiques, qui publie notamment "
            "l’indice des prix."
        ),
    },
    {
        "name": "SNCF",
        "kind": "organisation",
        "aliases": [],
        "description": "Entreprise publique ferroviaire française.",
    },
    {
        "name": "Hélène Vasseur",
        "kind": "person",
        "aliases": ["Vasseur"],
        "description": (
            "Ministre de la Transition écologique, chargée du projet de loi sur le partage de "
            "l’eau (personnage fictif)."
        ),
    },
    {
        "name": "Mathieu Cordier",
        "kind": "person",
        "aliases": ["Cordier"],
        "description": "Maire de Lyon (personnage fictif).",
    },
    {
        "name": "Léa Kerboul",
        "kind": "person",
        "aliases": ["Kerboul"],
        "description": (
            "Marathonienne originaire de Lorient, détentrice du record de France du marathon "
            "(personnage fictif)."
        ),
    },
    {
        "name": "Camille Aubertin",
        "kind": "person",
        "aliases": ["Aubertin"],
        "description": (
            "Romancière bretonne, autrice du roman « Le Sel des jours » (personnage fictif)."
        ),
    },
    {
        "name": "Sécheresse",
        "kind": "theme",
        "aliases": ["sécheresse", "restrictions d’eau"],
        "description": (
            "Manque durable de précipitations et d’eau, qui conduit à des restrictions d’usage."
        ),
    },
    {
        "name": "Inflation",
        "kind": "theme",
        "aliases": ["inflation", "hausse des prix"],
        "description": "Augmentation générale et durable du niveau des prix à la consommation.",
    },
]
