"""Українські тексти полів форм: підпис, підказка й приклад кожного поля, підписи варіантів."""

TEXTS: dict[str, str] = {
    # accept_parameters
    "fl.accept_parameters": "Приймати параметри",
    "fh.accept_parameters": (
        "Так — трекер прийматиме параметри, які джерело передає в посиланні кампанії: sub-мітки, "
        "ключове слово, вартість кліку."
    ),
    "fx.accept_parameters": "Так",
    # access_data
    "fl.access_data": "Права доступу",
    "fh.access_data": (
        "Що користувач бачить і може змінювати в кампаніях, оферах, лендингах та інших розділах: "
        "усе, лише перегляд або обрані групи."
    ),
    "fx.access_data": "Кампанії: лише перегляд; розділи: кампанії, звіти",
    # action_options
    "fl.action_options": "Параметри дії",
    "fh.action_options": (
        "Додаткові налаштування обраної дії, якщо вона їх потребує, наприклад адреса переходу; "
        "зазвичай не потрібні."
    ),
    "fx.action_options": "Адреса https://example.com",
    # action_payload
    "fl.action_payload": "Посилання або текст",
    "fh.action_payload": (
        "Залежно від дії: URL офера чи редиректу, текст або HTML для показу, номер кампанії для "
        "переходу в іншу кампанію."
    ),
    "fx.action_payload": "https://example.com/lp/?sub={{subid}}",
    # action_type
    "fl.action_type": "Дія",
    "fh.action_type": (
        "Що зробити з кліком: http — редирект, curl — підвантажити сторінку, status404 — помилка "
        "404, campaign — в іншу кампанію."
    ),
    "fx.action_type": "http",
    "fc.action_type.curl": "Завантажити через cURL",
    "fc.action_type.http": "HTTP-редирект",
    "fc.action_type.local_file": "Локальний файл",
    "fc.action_type.show_html": "Показати HTML",
    "fc.action_type.show_text": "Показати текст",
    "fc.action_type.status404": "Помилка 404",
    # active
    "fl.active": "Лише активні",
    "fh.active": "Так — показати лише кампанії, що працюють, без тих, що на паузі.",
    "fx.active": "Так",
    # ad_account_id
    "fl.ad_account_id": "Рекламний акаунт",
    "fh.ad_account_id": (
        "Номер рекламного акаунта Facebook, з якого трекер підтягує витрати; його видно в Ads "
        "Manager."
    ),
    "fx.ad_account_id": "1234567890123456",
    # affiliate_network_id
    "fl.affiliate_network_id": "Партнерська мережа",
    "fh.affiliate_network_id": (
        "Партнерка, якій належить офер: трекер додасть до посилання офера її параметри; 0 — без "
        "партнерки."
    ),
    "fx.affiliate_network_id": "#3 або частина назви",
    # alias
    "fl.alias": "Аліас",
    "fh.alias": (
        "Частина адреси кампанії після домену, латиниця й цифри; залиште порожнім, і трекер "
        "придумає сам."
    ),
    "fx.alias": "fb-de-keto",
    # allow_indexing
    "fl.allow_indexing": "Дозволити індексацію",
    "fh.allow_indexing": (
        "Так — пошукові роботи можуть індексувати домен; для домену трекера зазвичай ставлять Ні."
    ),
    "fx.allow_indexing": "Ні",
    # alternative_offer_id
    "fl.alternative_offer_id": "Альтернативний офер",
    "fh.alternative_offer_id": (
        "Куди спрямувати трафік, коли денну капу офера вичерпано; 0 — не перемикати."
    ),
    "fx.alternative_offer_id": "#41 або частина назви",
    # archive
    "fl.archive": "Архів (zip)",
    "fh.archive": (
        "Zip-архів рядком base64, що починається з data:application/zip;base64; простіше "
        "завантажити архів у панелі трекера."
    ),
    "fx.archive": "data:application/zip;base64,UEsDBBQ…",
    # avscan_key
    "fl.avscan_key": "Ключ AVScan",
    "fh.avscan_key": (
        "Ключ сервісу AVScan: за ним трекер перевіряє, чи не потрапили домени й лендинги в бази "
        "антивірусів."
    ),
    "fx.avscan_key": "a1b2c3d4e5f6",
    # bind_visitors
    "fl.bind_visitors": "Прив'язка відвідувачів",
    "fh.bind_visitors": (
        "Відвідувач, що повернувся, потрапить туди ж, що й уперше: у той самий потік, лендинг, "
        "офер; працює з ротацією за вагою."
    ),
    "fx.bind_visitors": "Потік + лендинг + офер",
    "fc.bind_visitors.s": "Потік",
    "fc.bind_visitors.sl": "Потік + лендинг",
    "fc.bind_visitors.slo": "Потік + лендинг + офер",
    # campaign_id
    "fl.campaign_id": "Кампанія",
    "fh.campaign_id": (
        "Кампанія, якої це стосується: оберіть зі списку, знайдіть за назвою або введіть її номер."
    ),
    "fx.campaign_id": "#12 або частина назви",
    # campaign_ids
    "fl.campaign_ids": "Кампанії",
    "fh.campaign_ids": (
        "Кампанії, між кліками яких буде розподілено витрати; можна кілька номерів через кому."
    ),
    "fx.campaign_ids": "12, 15",
    # catch_not_found
    "fl.catch_not_found": "Ловити 404",
    "fh.catch_not_found": (
        "Так — кліки на неіснуючі адреси домену підуть у кампанію за умовчанням, а не на сторінку "
        "404."
    ),
    "fx.catch_not_found": "Так",
    # click_id
    "fl.click_id": "ID кліку (subid)",
    "fh.click_id": (
        "Subid кліку, до якого належить конверсія: партнерка надсилає його в постбеку, він же є в "
        "журналі кліків."
    ),
    "fx.click_id": "3b7k2a9f1c8e",
    # collect_clicks
    "fl.collect_clicks": "Зберігати кліки",
    "fh.collect_clicks": (
        "Ні — кліки цього потоку не потраплять у статистику, наприклад для ботів; зазвичай Так."
    ),
    "fx.collect_clicks": "Так",
    # columns
    "fl.columns": "Колонки",
    "fh.columns": (
        "Які колонки показати, через кому, як їх називає трекер: datetime, campaign, country, ip "
        "та інші."
    ),
    "fx.columns": "datetime, campaign, country, ip",
    # comment
    "fl.comment": "Коментар",
    "fh.comment": "Нотатка до конверсії для себе: чому її додано вручну і звідки дані.",
    "fx.comment": "Не дійшов постбек від партнерки",
    # comments
    "fl.comments": "Коментар",
    "fh.comments": "Нотатка до потоку для себе й команди: для чого він і що в ньому тестується.",
    "fx.comments": "Боти й модерація → білий лендинг",
    # conversion_cap_enabled
    "fl.conversion_cap_enabled": "Увімкнути капу",
    "fh.conversion_cap_enabled": (
        "Так — в офера є денний ліміт конверсій; коли його вичерпано, трафік іде на альтернативний "
        "офер."
    ),
    "fx.conversion_cap_enabled": "Так",
    # conversion_timezone
    "fl.conversion_timezone": "Часовий пояс капи",
    "fh.conversion_timezone": (
        "У якому часовому поясі партнерка рахує добу для капи, як у її кабінеті."
    ),
    "fx.conversion_timezone": "UTC",
    # cookies_ttl
    "fl.cookies_ttl": "Період унікальності",
    "fh.cookies_ttl": (
        "Скільки годин повторний візит того самого відвідувача не вважається унікальним: від 1 до "
        "8760, зазвичай 24."
    ),
    "fx.cookies_ttl": "24",
    # cost
    "fl.cost": "Витрата за період",
    "fh.cost": (
        "Скільки всього витрачено за період; трекер розподілить суму між кліками й замінить "
        "попередню витрату."
    ),
    "fx.cost": "120.50",
    # cost_auto
    "fl.cost_auto": "Витрата з посилання",
    "fh.cost_auto": (
        "Так — вартість кожного кліку трекер бере з посилання кампанії, куди її підставляє "
        "джерело, а не з поля «Вартість»."
    ),
    "fx.cost_auto": "Так",
    # cost_currency
    "fl.cost_currency": "Валюта витрат",
    "fh.cost_currency": "Валюта, в якій ви платите джерелу, три літери; порожньо — валюта трекера.",
    "fx.cost_currency": "USD",
    # cost_type
    "fl.cost_type": "Модель оплати",
    "fh.cost_type": (
        "За що ви платите джерелу: за клік (CPC), за 1000 показів (CPM), за конверсію (CPA) або "
        "відсоток доходу (RevShare)."
    ),
    "fx.cost_type": "CPC",
    "fc.cost_type.CPA": "CPA · за конверсію",
    "fc.cost_type.CPC": "CPC · за клік",
    "fc.cost_type.CPM": "CPM · за 1000 показів",
    "fc.cost_type.CPS": "CPS · за продаж",
    "fc.cost_type.CPUC": "CPUC · за унік. клік",
    "fc.cost_type.CPUV": "CPUV · за відвідувача",
    "fc.cost_type.CPV": "CPV · за перегляд",
    "fc.cost_type.RevShare": "RevShare · % доходу",
    # cost_value
    "fl.cost_value": "Вартість",
    "fh.cost_value": (
        "Скільки ви платите джерелу за одиницю обраної моделі: за клік, 1000 показів чи конверсію; "
        "для RevShare — відсоток."
    ),
    "fx.cost_value": "0.05",
    # costs
    "fl.costs": "Витрати за періодами",
    "fh.costs": (
        "Один або кілька періодів: початок, кінець, сума, валюта, часовий пояс і, за потреби, "
        "sub-мітки, між якими розподілити."
    ),
    "fx.costs": "1 травня, весь день: 120.50 USD, UTC",
    # country
    "fl.country": "Країни",
    "fh.country": "Гео офера: коди країн із двох латинських літер через кому.",
    "fx.country": "DE, AT",
    # currency
    "fl.currency": "Валюта",
    "fh.currency": "Код валюти з трьох літер; трекер сам перерахує суму у свою валюту.",
    "fx.currency": "USD",
    # daily_cap
    "fl.daily_cap": "Денна капа",
    "fh.daily_cap": (
        "Скільки конверсій на добу приймає офер; після цього трафік іде на альтернативний офер."
    ),
    "fx.daily_cap": "50",
    # data
    "fl.data": "Вміст файлу",
    "fh.data": (
        "Новий текст файлу повністю: HTML, CSS, JS або PHP; він замінить те, що у файлі зараз."
    ),
    "fx.data": "Увесь новий текст файлу",
    # default_campaign_id
    "fl.default_campaign_id": "Кампанія за умовчанням",
    "fh.default_campaign_id": (
        "Куди йде трафік, що прийшов на домен без адреси кампанії, і кліки на неіснуючі адреси, "
        "якщо ввімкнено «Ловити 404»."
    ),
    "fx.default_campaign_id": "#12 або частина назви",
    # dimensions
    "fl.dimensions": "Групування",
    "fh.dimensions": (
        "За чим розбити звіт, через кому, як у трекері: day, campaign, offer, country, sub-мітки "
        "та інше."
    ),
    "fx.dimensions": "day, campaign, country",
    # domain_id
    "fl.domain_id": "Домен",
    "fh.domain_id": "Домен для посилання кампанії: оберіть один із припаркованих до трекера.",
    "fx.domain_id": "trk.example.com або #2",
    # end_date
    "fl.end_date": "Кінець періоду",
    "fh.end_date": "Дата й час кінця періоду включно: рік-місяць-день і години:хвилини.",
    "fx.end_date": "2024-05-07 23:59",
    # extended
    "fl.extended": "Детально",
    "fh.extended": "Так — додати до кожної кампанії її групу, джерело й кількість потоків.",
    "fx.extended": "Так",
    # filter_or
    "fl.filter_or": "Фільтри через АБО",
    "fh.filter_or": (
        "Так — потік прийме клік, якщо підійшов хоча б один фільтр; Ні — мають підійти всі одразу."
    ),
    "fx.filter_or": "Ні",
    # filters
    "fl.filters": "Фільтри",
    "fh.filters": (
        "Які рядки залишити: колонка, умова й значення, наприклад країна дорівнює DE або ROI "
        "більше 0."
    ),
    "fx.filters": "Країна DE, кампанія #12",
    "fl.campaigns.filters": "Фільтр кліків",
    "fh.campaigns.filters": (
        "Якщо витрата лише на частину кліків: sub-мітка, джерело або ключове слово та їхні "
        "значення через кому."
    ),
    "fx.campaigns.filters": "Sub-мітка 1: 101, 102",
    "fl.streams.filters": "Фільтри",
    "fh.streams.filters": (
        "Які кліки потік приймає або відсікає: країна, пристрій, ОС, sub-мітки, боти тощо."
    ),
    "fx.streams.filters": "Країна DE або AT",
    # group_id
    "fl.group_id": "Група",
    "fh.group_id": "Група, щоб не плутатися в списках; 0 — без групи.",
    "fx.group_id": "Facebook або #3",
    # id
    "fl.id": "Номер (id)",
    "fh.id": "З чим працюємо: оберіть зі списку, знайдіть за назвою або введіть номер із картки.",
    "fx.id": "#12 або частина назви",
    # imklo_api_url
    "fl.imklo_api_url": "Адреса IMKLO",
    "fh.imklo_api_url": (
        "Посилання для перевірок із кабінету IMKLO: за ним трекер перевіряє кліки на ботів і "
        "модераторів."
    ),
    "fx.imklo_api_url": "https://imklo.example.com/abc123",
    # is_ssl
    "fl.is_ssl": "HTTPS",
    "fh.is_ssl": (
        "Так — посилання на цьому домені відкриватимуться через HTTPS; для цього потрібен "
        "SSL-сертифікат."
    ),
    "fx.is_ssl": "Так",
    # items
    "fl.items": "Значення списку",
    "fh.items": "Значення з обраної колонки і куди кожне: у чорний чи білий список.",
    "fx.items": "1.2.3.4 — чорний, 5.6.7.8 — білий",
    # label_name
    "fl.label_name": "Список",
    "fh.label_name": "Який список показати: чорний чи білий.",
    "fx.label_name": "Чорний список",
    "fc.label_name.blacklist": "Чорний список",
    "fc.label_name.whitelist": "Білий список",
    # landing_type
    "fl.landing_type": "Тип лендингу",
    "fh.landing_type": (
        "Де лендинг: завантажений архівом у трекер, на зовнішньому сайті за посиланням, "
        "передзавантажений трекером або це дія."
    ),
    "fx.landing_type": "Зовнішній (посилання)",
    "fc.landing_type.action": "Дія",
    "fc.landing_type.external": "Зовнішній (посилання)",
    "fc.landing_type.local": "Локальний (архів)",
    "fc.landing_type.preloaded": "Передзавантажений",
    # landings
    "fl.landings": "Лендинги",
    "fh.landings": "Лендинги потоку й частка трафіку кожного у відсотках; разом має бути 100.",
    "fx.landings": "Лендинг A 50%, лендинг B 50%",
    # limit
    "fl.limit": "Скільки рядків",
    "fh.limit": "Скільки рядків показати за раз, від 1 до 10 000.",
    "fx.limit": "100",
    # login
    "fl.login": "Логін",
    "fh.login": "Ім'я для входу в панель трекера; воно має бути вільним.",
    "fx.login": "buyer-anna",
    # measures
    "fl.measures": "Метрики",
    "fh.measures": (
        "Які цифри порахувати, через кому, як у трекері: clicks, leads, sales, revenue, cost, "
        "profit, roi."
    ),
    "fx.measures": "clicks, conversions, revenue, profit, roi",
    # name
    "fl.name": "Назва",
    "fh.name": "Як це називатиметься в трекері; для домену — сам домен, кілька можна через кому.",
    "fx.name": "FB | DE | Keto",
    # new_password
    "fl.new_password": "Пароль",
    "fh.new_password": (
        "Пароль для входу в панель трекера; краще такий, що більше ніде не використовується."
    ),
    "fx.new_password": "Xk7-pQ2-mR9",
    # new_password_confirmation
    "fl.new_password_confirmation": "Пароль ще раз",
    "fh.new_password_confirmation": (
        "Повторіть пароль; якщо залишити порожнім, буде взято той самий, що введено вище."
    ),
    "fx.new_password_confirmation": "Xk7-pQ2-mR9",
    # notes
    "fl.notes": "Нотатки",
    "fh.notes": "Будь-який текст для себе й команди: умови, контакти, що тестуєте.",
    "fx.notes": "Капа 50 на день, апрув близько 40%",
    # offer_param
    "fl.offer_param": "Параметри офера",
    "fh.offer_param": (
        "Що трекер додасть до посилання кожного офера цієї партнерки, щоб вона повернула subid у "
        "постбеку."
    ),
    "fx.offer_param": "sub1={{subid}}",
    # offer_selection
    "fl.offer_selection": "Вибір офера",
    "fh.offer_selection": (
        "Коли потік обирає офер, наприклад ще до кліку на лендингу; є лише в нових версіях "
        "трекера, можна пропустити."
    ),
    "fx.offer_selection": "Як у налаштуваннях потоку в трекері",
    # offer_type
    "fl.offer_type": "Тип офера",
    "fh.offer_type": (
        "Де офер: посилання партнерки (зазвичай), архів, завантажений у трекер, сторінка, яку "
        "підвантажує трекер, або дія."
    ),
    "fx.offer_type": "Зовнішній (посилання)",
    "fc.offer_type.action": "Дія",
    "fc.offer_type.external": "Зовнішній (посилання)",
    "fc.offer_type.local": "Локальний (архів)",
    "fc.offer_type.preloaded": "Передзавантажений",
    # offers
    "fl.offers": "Офери",
    "fh.offers": "Офери потоку й частка трафіку кожного у відсотках; разом має бути 100.",
    "fx.offers": "Офер A 60%, офер B 40%",
    # offset
    "fl.offset": "Пропустити рядків",
    "fh.offset": "Скільки перших рядків пропустити, щоб побачити наступну сторінку; 0 — з початку.",
    "fx.offset": "100",
    # only_campaign_uniques
    "fl.only_campaign_uniques": "Лише унікальні",
    "fh.only_campaign_uniques": (
        "Так — витрату буде розподілено лише між унікальними кліками кампанії, повторні залишаться "
        "безкоштовними."
    ),
    "fx.only_campaign_uniques": "Так",
    "fc.only_campaign_uniques.0": "На всі кліки",
    "fc.only_campaign_uniques.1": "Лише на унікальні",
    # parameters
    "fl.parameters": "Параметри посилання",
    "fh.parameters": (
        "Які мітки джерело передає в посиланні: назва параметра й макрос джерела для ключового "
        "слова, вартості, sub-міток."
    ),
    "fx.parameters": "sub1 — ID зони, sub2 — ID креативу",
    # path
    "fl.path": "Шлях до файлу",
    "fh.path": (
        "Шлях до файлу всередині архіву лендингу чи офера, від кореня; список є в розділі «Файли»."
    ),
    "fx.path": "order/success.html",
    # payout
    "fl.payout": "Виплата",
    "fh.payout": (
        "Сума конверсії, як її надіслала б партнерка; якщо офер не бере виплату з постбека, діє "
        "виплата офера."
    ),
    "fx.payout": "12.5",
    # payout_auto
    "fl.payout_auto": "Виплата з постбека",
    "fh.payout_auto": (
        "Так — суму конверсії трекер бере з постбека партнерки; Ні — завжди ставить виплату з "
        "офера."
    ),
    "fx.payout_auto": "Так",
    # payout_currency
    "fl.payout_currency": "Валюта виплати",
    "fh.payout_currency": "Валюта, в якій платить партнерка, три літери.",
    "fx.payout_currency": "EUR",
    # payout_type
    "fl.payout_type": "Тип виплати",
    "fh.payout_type": "За що платить партнерка: за конверсію (CPA) чи за клік (CPC).",
    "fx.payout_type": "CPA",
    "fc.payout_type.CPA": "CPA · за конверсію",
    "fc.payout_type.CPC": "CPC · за клік",
    # payout_upsell
    "fl.payout_upsell": "Апсейли",
    "fh.payout_upsell": (
        "Так — повторні продажі (апсейли) на тому самому кліку зараховуються як окремі конверсії."
    ),
    "fx.payout_upsell": "Ні",
    # payout_value
    "fl.payout_value": "Виплата",
    "fh.payout_value": (
        "Скільки партнерка платить за конверсію чи клік; діє, коли сума не приходить у постбеку."
    ),
    "fx.payout_value": "25",
    # position
    "fl.position": "Позиція",
    "fh.position": "Місце в списку: що менше число, то вище.",
    "fx.position": "1",
    "fl.streams.position": "Позиція",
    "fh.streams.position": (
        "Черговість потоку серед потоків кампанії: що менше, то раніше; важлива для ротації за "
        "позицією."
    ),
    "fx.streams.position": "2",
    "fl.groups.position": "Позиція",
    "fh.groups.position": "Місце групи в списку: що менше число, то вище.",
    "fx.groups.position": "1",
    # postback_key
    "fl.postback_key": "Ключ постбека",
    "fh.postback_key": (
        "Ключ із postback URL трекера (Обслуговування → Налаштування); порожньо — бот візьме "
        "збережений."
    ),
    "fx.postback_key": "e89bcbe",
    # postback_statuses
    "fl.postback_statuses": "Статуси для постбека",
    "fh.postback_statuses": (
        "За яких статусів конверсії надсилати постбек у джерело, через кому: lead, sale, rejected, "
        "rebill."
    ),
    "fx.postback_statuses": "lead, sale",
    # postback_url
    "fl.postback_url": "Postback URL",
    "fh.postback_url": (
        "Для джерела — куди трекер надсилає конверсії, з макросами; для партнерки — посилання, яке "
        "ви вставляєте в її кабінет."
    ),
    "fx.postback_url": "https://ts.example/pb?cid={{subid}}",
    # postbacks
    "fl.postbacks": "Постбеки",
    "fh.postbacks": (
        "Постбеки в джерело: URL з макросами, метод і статуси; якщо замінюєте список, ті, яких "
        "немає, буде видалено."
    ),
    "fx.postbacks": "GET https://ts.example/pb?cid={{subid}} на sale",
    # preferences
    "fl.preferences": "Налаштування користувача",
    "fh.preferences": "Мова панелі (ru або en) і часовий пояс користувача.",
    "fx.preferences": "Мова ru, пояс Europe/Kyiv",
    # proxy
    "fl.proxy": "Проксі",
    "fh.proxy": (
        "Проксі для запитів до Facebook: протокол (http, https, socks5), адреса, порт і, за "
        "потреби, логін із паролем."
    ),
    "fx.proxy": "socks5 10.0.0.1:1080, логін user",
    # proxy_enabled
    "fl.proxy_enabled": "Через проксі",
    "fh.proxy_enabled": (
        "Так — трекер забирає витрати з Facebook через проксі, вказаний у цій інтеграції."
    ),
    "fx.proxy_enabled": "Так",
    # query
    "fl.query": "Що шукати",
    "fh.query": "Слово або частина тексту, яку треба знайти.",
    "fx.query": "keto",
    "fl.streams.query": "Що шукати",
    "fh.streams.query": "Частина назви потоку: шукаємо серед потоків усіх кампаній.",
    "fx.streams.query": "Боти",
    "fl.logs.query": "Текст для пошуку",
    "fh.logs.query": "Показати лише рядки логу з цим текстом: subid, домен, текст помилки.",
    "fx.logs.query": "3b7k2a9f1c8e",
    # range
    "fl.range": "Період",
    "fh.range": (
        "За який час: готовий період (сьогодні, вчора, 7 днів) або дати від і до, у потрібному "
        "часовому поясі."
    ),
    "fx.range": "Сьогодні, Europe/Kyiv",
    # ref_name
    "fl.ref_name": "Колонка звіту",
    "fh.ref_name": (
        "За якою колонкою ведеться список: ip, source, keyword або sub-мітка з номером, як вона "
        "називається у звіті."
    ),
    "fx.ref_name": "ip",
    # revenue
    "fl.revenue": "Дохід",
    "fh.revenue": (
        "Скільки принесла конверсія; порожньо — трекер візьме виплату з налаштувань офера."
    ),
    "fx.revenue": "12.5",
    # schema_
    "fl.schema_": "Схема",
    "fh.schema_": (
        "Що потік робить із кліком: веде на лендинги й офери, одразу редиректить за посиланням або "
        "виконує дію."
    ),
    "fx.schema_": "Лендинг → офер",
    "fc.schema_.action": "Дія",
    "fc.schema_.landings": "Лендинг → офер",
    "fc.schema_.redirect": "Редирект",
    # sort
    "fl.sort": "Сортування",
    "fh.sort": "За якою колонкою впорядкувати рядки і в який бік: за зростанням чи за спаданням.",
    "fx.sort": "Прибуток за спаданням",
    # ssl_redirect
    "fl.ssl_redirect": "Редирект на HTTPS",
    "fh.ssl_redirect": "Так — заходи через http автоматично перенаправляються на https.",
    "fx.ssl_redirect": "Так",
    # start_date
    "fl.start_date": "Початок періоду",
    "fh.start_date": "Дата й час початку періоду: рік-місяць-день і години:хвилини.",
    "fx.start_date": "2024-05-01 00:00",
    # state
    "fl.state": "Статус",
    "fh.state": "Працює, на паузі чи в архіві; з архіву об'єкт можна відновити.",
    "fx.state": "Працює",
    "fc.state.active": "Працює",
    "fc.state.deleted": "В архіві",
    "fc.state.disabled": "На паузі",
    # status
    "fl.status": "Статус",
    "fh.status": (
        "Статус конверсії: lead, sale, rejected або rebill; статус партнерки (наприклад, hold) "
        "трекер зіставить сам."
    ),
    "fx.status": "sale",
    # subid
    "fl.subid": "ID кліку (subid)",
    "fh.subid": (
        "Subid кліку, на який прийшла конверсія: трекер підставляє його в посилання офера, "
        "партнерка повертає в постбеку."
    ),
    "fx.subid": "3b7k2a9f1c8e",
    # summary
    "fl.summary": "Підсумки",
    "fh.summary": "Так — додати під звітом рядок із сумами за всіма рядками.",
    "fx.summary": "Так",
    # template_name
    "fl.template_name": "Шаблон",
    "fh.template_name": (
        "Шаблон джерела з каталогу Keitaro, за яким заповнено параметри й постбек; зазвичай "
        "залиште як є."
    ),
    "fx.template_name": "facebook",
    # tid
    "fl.tid": "ID транзакції",
    "fh.tid": (
        "ID транзакції від партнерки: новий ID дає окрему конверсію на тому самому кліку, без "
        "нього конверсія перезапишеться."
    ),
    "fx.tid": "TX-100234",
    # timezone
    "fl.timezone": "Часовий пояс",
    "fh.timezone": "У якому часовому поясі вказано дати періоду; назва як у трекері.",
    "fx.timezone": "Europe/Kyiv",
    # token
    "fl.token": "Токен",
    "fh.token": "Ключ доступу: вставте його повністю, без пробілів.",
    "fx.token": "9c1d2e7f0a5b4c3d",
    "fl.campaigns.token": "Токен кампанії",
    "fh.campaigns.token": (
        "Токен для серверної інтеграції, коли кліки в трекер передає ваш сайт; зазвичай трекер "
        "створює його сам."
    ),
    "fx.campaigns.token": "9c1d2e7f0a5b4c3d2e1f0a9b8c7d6e5f",
    "fl.integrations.token": "Токен Facebook",
    "fh.integrations.token": (
        "Маркер доступу до рекламного акаунта з кабінету Facebook: за ним трекер забирає витрати."
    ),
    "fx.integrations.token": "EAABsbCS1iHgBA…",
    # traffic_loss
    "fl.traffic_loss": "Втрата трафіку, %",
    "fh.traffic_loss": (
        "Який відсоток кліків губиться дорогою від джерела до трекера, від 0 до 100; трекер урахує "
        "це у витратах."
    ),
    "fx.traffic_loss": "5",
    # traffic_source_id
    "fl.traffic_source_id": "Джерело трафіку",
    "fh.traffic_source_id": (
        "Звідки йде трафік кампанії: від джерела залежать параметри посилання й постбек; 0 — без "
        "джерела."
    ),
    "fx.traffic_source_id": "Facebook або #7",
    # transaction_id
    "fl.transaction_id": "ID транзакції",
    "fh.transaction_id": (
        "ID транзакції від партнерки: новий ID дає окрему конверсію на тому самому кліку, без "
        "нього конверсія перезапишеться."
    ),
    "fx.transaction_id": "TX-100234",
    # triggers
    "fl.triggers": "Моніторинг",
    "fh.triggers": (
        "Перевірки за розкладом: якщо лендинг чи офер не відповідає, потік вимкне його або "
        "підмінить посилання."
    ),
    "fx.triggers": "Офер не відповідає → вимкнути",
    # type
    "fl.type": "Тип",
    "fh.type": "Різновид: від нього залежить, як працюватиме те, що ви налаштовуєте.",
    "fx.type": "Звичайний",
    "fl.campaigns.type": "Ротація потоків",
    "fh.campaigns.type": (
        "За позицією — потоки перевіряються по черзі; за вагою — трафік ділиться між потоками за "
        "їхньою вагою (спліт)."
    ),
    "fx.campaigns.type": "За вагою (спліт)",
    "fl.streams.type": "Тип потоку",
    "fh.streams.type": (
        "Перехоплювальний перевіряється першим, звичайний — після нього, запасний забирає кліки, "
        "що не підійшли нікуди."
    ),
    "fx.streams.type": "Звичайний",
    "fl.groups.type": "Що в групі",
    "fh.groups.type": "Що зберігається в групах: кампанії, офери, лендинги чи домени.",
    "fx.groups.type": "Кампанії",
    "fl.users.type": "Роль",
    "fh.users.type": (
        "Адміністратор бачить і змінює все; користувач — лише те, що йому відкрили в правах "
        "доступу."
    ),
    "fx.users.type": "Користувач",
    "fl.logs.type": "Який лог",
    "fh.logs.type": (
        "Системний лог, лог трафіку, вхідних чи надісланих постбеків, випуску SSL-сертифікатів."
    ),
    "fx.logs.type": "Вхідні постбеки",
    "fc.type.ADMIN": "Адміністратор",
    "fc.type.USER": "Користувач",
    "fc.type.campaigns": "Кампанії",
    "fc.type.default": "Запасний",
    "fc.type.domains": "Домени",
    "fc.type.forced": "Перехоплювальний",
    "fc.type.landings": "Лендинги",
    "fc.type.offers": "Офери",
    "fc.type.position": "За позицією",
    "fc.type.postbacks": "Вхідні постбеки",
    "fc.type.regular": "Звичайний",
    "fc.type.sent_postbacks": "Надіслані постбеки",
    "fc.type.ssl": "SSL-сертифікати",
    "fc.type.system": "Системний",
    "fc.type.traffic": "Трафік",
    "fc.type.weight": "За вагою (спліт)",
    # uniqueness_method
    "fl.uniqueness_method": "Метод унікальності",
    "fh.uniqueness_method": (
        "Як трекер упізнає повторного відвідувача: лише за IP чи за IP разом із браузером "
        "(User-Agent)."
    ),
    "fx.uniqueness_method": "За IP + User-Agent",
    "fc.uniqueness_method.ip": "За IP",
    "fc.uniqueness_method.ip_ua": "За IP + User-Agent",
    # uniqueness_use_cookies
    "fl.uniqueness_use_cookies": "Враховувати куки",
    "fh.uniqueness_use_cookies": (
        "Так — повторного відвідувача впізнають ще й за куками в браузері, так унікальність "
        "точніша."
    ),
    "fx.uniqueness_use_cookies": "Так",
    # url
    "fl.url": "URL лендингу",
    "fh.url": (
        "Адреса зовнішнього лендингу; додайте макроси трекера, якщо лендингу потрібні дані кліку."
    ),
    "fx.url": "https://example.com/lp/?sub={{subid}}",
    # value
    "fl.value": "IP і діапазони",
    "fh.value": "IP-адреси ботів по одній у рядку; діапазон — із маскою, наприклад /24.",
    "fx.value": "66.249.64.0/19",
    # weight
    "fl.weight": "Вага",
    "fh.weight": (
        "Частка потоку в ротації за вагою: трафік ділиться пропорційно вагам, від 0 до 1000, "
        "зазвичай 100."
    ),
    "fx.weight": "100",
    # wildcard
    "fl.wildcard": "Усі піддомени",
    "fh.wildcard": (
        "Так — домен приймає трафік і на будь-яких піддоменах; застаріле налаштування, зазвичай Ні."
    ),
    "fx.wildcard": "Ні",
    # a campaign label's report column (ref_name): the same names as the filters'
    **{f"fc.ref_name.sub_id_{n}": f"Sub ID {n}" for n in range(1, 16)},
    "fc.ref_name.source": "Джерело",
    "fc.ref_name.keyword": "Ключове слово",
    "fc.ref_name.ip": "IP",
}
