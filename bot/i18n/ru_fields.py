"""Русские тексты полей форм: подпись, подсказка и пример каждого поля, подписи вариантов."""

TEXTS: dict[str, str] = {
    # accept_parameters
    "fl.accept_parameters": "Принимать параметры",
    "fh.accept_parameters": (
        "Да — кампании с этим источником читают его параметры из ссылки: sub-метки, ключевое "
        "слово, стоимость клика."
    ),
    "fx.accept_parameters": "Да",
    # access_data
    "fl.access_data": "Права доступа",
    "fh.access_data": (
        "Что пользователь видит и может менять в кампаниях, офферах, лендингах и других разделах: "
        "всё, только просмотр или выбранные группы."
    ),
    "fx.access_data": "Кампании: только просмотр; разделы: кампании, отчёты",
    # action_options
    "fl.action_options": "Параметры действия",
    "fh.action_options": (
        "Дополнительные настройки выбранного действия, если оно их требует, например адрес "
        "перехода; обычно не нужны."
    ),
    "fx.action_options": "Адрес https://example.com",
    # action_payload
    "fl.action_payload": "Ссылка или текст",
    "fh.action_payload": (
        "Что отдаёт действие: URL для редиректа, текст или HTML для показа, номер кампании для "
        "перехода в другую кампанию."
    ),
    "fx.action_payload": "https://example.com/lp/?sub={{subid}}",
    # action_type
    "fl.action_type": "Действие",
    "fh.action_type": (
        "Что сделать с кликом: http — редирект, curl — загрузить страницу, status404 — ошибка 404, "
        "campaign — в другую кампанию."
    ),
    "fx.action_type": "http",
    "fc.action_type.curl": "Загрузка через CURL",
    "fc.action_type.http": "HTTP-редирект",
    "fc.action_type.local_file": "Локальный файл",
    "fc.action_type.show_html": "Показать HTML",
    "fc.action_type.show_text": "Показать текст",
    "fc.action_type.status404": "Ошибка 404",
    # active
    "fl.active": "Только активные",
    "fh.active": "Да — показать только работающие кампании, без тех, что на паузе.",
    "fx.active": "Да",
    # ad_account_id
    "fl.ad_account_id": "Рекламный аккаунт",
    "fh.ad_account_id": (
        "Номер рекламного аккаунта Facebook, из которого трекер подтягивает расходы; он есть в Ads "
        "Manager."
    ),
    "fx.ad_account_id": "1234567890123456",
    # affiliate_network_id
    "fl.affiliate_network_id": "Партнёрская сеть",
    "fh.affiliate_network_id": (
        "Партнёрка, чей это оффер: трекер добавит к ссылке оффера её параметры; 0 — без партнёрки."
    ),
    "fx.affiliate_network_id": "#3 или часть названия",
    # alias
    "fl.alias": "Алиас",
    "fh.alias": (
        "Часть адреса кампании после домена, латиница и цифры; оставьте пустым, и трекер придумает "
        "сам."
    ),
    "fx.alias": "fb-de-keto",
    # allow_indexing
    "fl.allow_indexing": "Разрешить индексацию",
    "fh.allow_indexing": (
        "Да — поисковые роботы могут индексировать домен; для домена трекера обычно ставят Нет."
    ),
    "fx.allow_indexing": "Нет",
    # alternative_offer_id
    "fl.alternative_offer_id": "Альтернативный оффер",
    "fh.alternative_offer_id": (
        "Куда слать трафик, когда дневная капа оффера выбрана; 0 — не переключать."
    ),
    "fx.alternative_offer_id": "#41 или часть названия",
    # archive
    "fl.archive": "Архив (zip)",
    "fh.archive": (
        "Zip-архив в виде строки base64, начиная с data:application/zip;base64; проще загрузить "
        "архив в панели трекера."
    ),
    "fx.archive": "data:application/zip;base64,UEsDBBQ…",
    # avscan_key
    "fl.avscan_key": "Ключ AVScan",
    "fh.avscan_key": (
        "Ключ сервиса AVScan: по нему трекер проверяет, не попали ли домены и лендинги в базы "
        "антивирусов."
    ),
    "fx.avscan_key": "a1b2c3d4e5f6",
    # bind_visitors
    "fl.bind_visitors": "Привязка посетителей",
    "fh.bind_visitors": (
        "Вернувшийся посетитель попадёт туда же, что и в первый раз: в тот же поток, лендинг, "
        "оффер; работает при ротации по весу."
    ),
    "fx.bind_visitors": "Поток + лендинг + оффер",
    "fc.bind_visitors.s": "Поток",
    "fc.bind_visitors.sl": "Поток + лендинг",
    "fc.bind_visitors.slo": "Поток + лендинг + оффер",
    # campaign_id
    "fl.campaign_id": "Кампания",
    "fh.campaign_id": (
        "Кампания, к которой это относится: выберите из списка, найдите по названию или введите её "
        "номер."
    ),
    "fx.campaign_id": "#12 или часть названия",
    # campaign_ids
    "fl.campaign_ids": "Кампании",
    "fh.campaign_ids": (
        "Кампании, на клики которых лягут расходы; можно несколько номеров через запятую."
    ),
    "fx.campaign_ids": "12, 15",
    # catch_not_found
    "fl.catch_not_found": "Ловить 404",
    "fh.catch_not_found": (
        "Да — клики по несуществующим адресам домена уйдут в кампанию по умолчанию, а не на "
        "страницу 404."
    ),
    "fx.catch_not_found": "Да",
    # click_id
    "fl.click_id": "ID клика (subid)",
    "fh.click_id": (
        "Subid клика, к которому относится конверсия: партнёрка присылает его в постбэке, он же в "
        "логе кликов."
    ),
    "fx.click_id": "3b7k2a9f1c8e",
    # collect_clicks
    "fl.collect_clicks": "Сохранять клики",
    "fh.collect_clicks": (
        "Нет — клики этого потока не попадут в статистику, например для ботов; обычно Да."
    ),
    "fx.collect_clicks": "Да",
    # columns
    "fl.columns": "Колонки",
    "fh.columns": (
        "Какие колонки показать, через запятую, как они называются в трекере: datetime, campaign, "
        "country, ip и другие."
    ),
    "fx.columns": "datetime, campaign, country, ip",
    # comment
    "fl.comment": "Комментарий",
    "fh.comment": "Заметка к конверсии для себя: почему она добавлена вручную и откуда данные.",
    "fx.comment": "Не дошёл постбэк от партнёрки",
    # comments
    "fl.comments": "Комментарий",
    "fh.comments": "Заметка к потоку для себя и команды: для чего он и что в нём тестируется.",
    "fx.comments": "Боты и модерация → белый лендинг",
    # conversion_cap_enabled
    "fl.conversion_cap_enabled": "Включить капу",
    "fh.conversion_cap_enabled": (
        "Да — у оффера есть дневной лимит конверсий; когда он выбран, трафик уходит на "
        "альтернативный оффер."
    ),
    "fx.conversion_cap_enabled": "Да",
    # conversion_timezone
    "fl.conversion_timezone": "Часовой пояс капы",
    "fh.conversion_timezone": (
        "В каком часовом поясе партнёрка считает сутки для капы, как в её кабинете."
    ),
    "fx.conversion_timezone": "UTC",
    # cookies_ttl
    "fl.cookies_ttl": "Период уникальности",
    "fh.cookies_ttl": (
        "Сколько часов повторный визит того же посетителя не считается уникальным: от 1 до 8760, "
        "обычно 24."
    ),
    "fx.cookies_ttl": "24",
    # cost
    "fl.cost": "Расход за период",
    "fh.cost": (
        "Сколько всего потрачено за период; трекер разложит сумму по кликам и заменит прежний "
        "расход."
    ),
    "fx.cost": "120.50",
    # cost_auto
    "fl.cost_auto": "Расход из ссылки",
    "fh.cost_auto": (
        "Да — стоимость каждого клика трекер берёт из ссылки кампании, куда её подставляет "
        "источник, а не из поля «Стоимость»."
    ),
    "fx.cost_auto": "Да",
    # cost_currency
    "fl.cost_currency": "Валюта расхода",
    "fh.cost_currency": (
        "Валюта, в которой вы платите источнику, три буквы; пусто — валюта трекера."
    ),
    "fx.cost_currency": "USD",
    # cost_type
    "fl.cost_type": "Модель оплаты",
    "fh.cost_type": (
        "За что вы платите источнику: за клик (CPC), за 1000 показов (CPM), за конверсию (CPA) или "
        "процент дохода (RevShare)."
    ),
    "fx.cost_type": "CPC",
    "fc.cost_type.CPA": "CPA · за конверсию",
    "fc.cost_type.CPC": "CPC · за клик",
    "fc.cost_type.CPM": "CPM · за 1000 показов",
    "fc.cost_type.CPS": "CPS · за продажу",
    "fc.cost_type.CPUC": "CPUC · за уник. клик",
    "fc.cost_type.CPUV": "CPUV · за посетителя",
    "fc.cost_type.CPV": "CPV · за переход",
    "fc.cost_type.RevShare": "RevShare · % дохода",
    # cost_value
    "fl.cost_value": "Стоимость",
    "fh.cost_value": (
        "Сколько вы платите источнику за единицу выбранной модели: за клик, 1000 показов или "
        "конверсию; для RevShare — процент."
    ),
    "fx.cost_value": "0.05",
    # costs
    "fl.costs": "Расходы по периодам",
    "fh.costs": (
        "Один или несколько периодов: начало, конец, сумма, валюта, часовой пояс и, если нужно, "
        "sub-метки, на которые разнести."
    ),
    "fx.costs": "1 мая, весь день: 120.50 USD, UTC",
    # country
    "fl.country": "Страны",
    "fh.country": "Гео оффера: коды стран из двух латинских букв через запятую.",
    "fx.country": "DE, AT",
    # currency
    "fl.currency": "Валюта",
    "fh.currency": "Код валюты из трёх букв; трекер сам пересчитает сумму в свою валюту.",
    "fx.currency": "USD",
    # daily_cap
    "fl.daily_cap": "Дневная капа",
    "fh.daily_cap": (
        "Сколько конверсий в сутки принимает оффер; после этого трафик уходит на альтернативный "
        "оффер."
    ),
    "fx.daily_cap": "50",
    # data
    "fl.data": "Содержимое файла",
    "fh.data": (
        "Новый текст файла целиком: HTML, CSS, JS или PHP; он заменит то, что в файле сейчас."
    ),
    "fx.data": "Весь новый текст файла",
    # default_campaign_id
    "fl.default_campaign_id": "Кампания по умолчанию",
    "fh.default_campaign_id": (
        "Куда уходит трафик, пришедший на домен без адреса кампании, и клики по несуществующим "
        "адресам, если ловить 404."
    ),
    "fx.default_campaign_id": "#12 или часть названия",
    # dimensions
    "fl.dimensions": "Группировка",
    "fh.dimensions": (
        "По чему разбить отчёт, через запятую, как в трекере: day, campaign, offer, country, "
        "sub-метки и другие."
    ),
    "fx.dimensions": "day, campaign, country",
    # domain_id
    "fl.domain_id": "Домен",
    "fh.domain_id": "Домен для ссылки кампании: выберите один из припаркованных к трекеру.",
    "fx.domain_id": "trk.example.com или #2",
    # end_date
    "fl.end_date": "Конец периода",
    "fh.end_date": "Дата и время конца периода включительно: год-месяц-день и часы:минуты.",
    "fx.end_date": "2024-05-07 23:59",
    # extended
    "fl.extended": "Подробно",
    "fh.extended": "Да — добавить к каждой кампании её группу, источник и число потоков.",
    "fx.extended": "Да",
    # filter_or
    "fl.filter_or": "Фильтры через ИЛИ",
    "fh.filter_or": (
        "Да — поток примет клик, если подошёл хотя бы один фильтр; Нет — должны подойти все сразу."
    ),
    "fx.filter_or": "Нет",
    # filters
    "fl.filters": "Фильтры",
    "fh.filters": (
        "Какие строки оставить: колонка, условие и значение, например страна равна DE или ROI "
        "больше 0."
    ),
    "fx.filters": "Страна DE, кампания #12",
    "fl.campaigns.filters": "Фильтр кликов",
    "fh.campaigns.filters": (
        "Если расход только на часть кликов: sub-метка, источник или ключевое слово и их значения "
        "через запятую."
    ),
    "fx.campaigns.filters": "Sub-метка 1: 101, 102",
    "fl.streams.filters": "Фильтры",
    "fh.streams.filters": (
        "Какие клики поток принимает или отсекает: страна, устройство, ОС, sub-метки, боты и "
        "другое."
    ),
    "fx.streams.filters": "Страна DE или AT",
    # group_id
    "fl.group_id": "Группа",
    "fh.group_id": "Группа, чтобы не путаться в списках; 0 — без группы.",
    "fx.group_id": "Facebook или #3",
    # id
    "fl.id": "Номер (id)",
    "fh.id": (
        "С чем работаем: выберите из списка, найдите по названию или введите номер из карточки."
    ),
    "fx.id": "#12 или часть названия",
    # imklo_api_url
    "fl.imklo_api_url": "Адрес IMKLO",
    "fh.imklo_api_url": (
        "Ссылка для проверок из кабинета IMKLO: по ней трекер проверяет клики на ботов и "
        "модераторов."
    ),
    "fx.imklo_api_url": "https://imklo.example.com/abc123",
    # is_ssl
    "fl.is_ssl": "HTTPS",
    "fh.is_ssl": (
        "Да — ссылки на этом домене будут открываться по HTTPS; для этого нужен SSL-сертификат."
    ),
    "fx.is_ssl": "Да",
    # items
    "fl.items": "Значения списка",
    "fh.items": "Значения из выбранной колонки и куда каждое: в чёрный или белый список.",
    "fx.items": "1.2.3.4 — чёрный, 5.6.7.8 — белый",
    # label_name
    "fl.label_name": "Список",
    "fh.label_name": "Какой список показать: чёрный или белый.",
    "fx.label_name": "Чёрный список",
    "fc.label_name.blacklist": "Чёрный список",
    "fc.label_name.whitelist": "Белый список",
    # landing_type
    "fl.landing_type": "Тип лендинга",
    "fh.landing_type": (
        "Где лендинг: загружен архивом в трекер, на внешнем сайте по ссылке, подгружается трекером "
        "или это действие."
    ),
    "fx.landing_type": "Внешний (по ссылке)",
    "fc.landing_type.action": "Действие",
    "fc.landing_type.external": "Внешний (по ссылке)",
    "fc.landing_type.local": "Локальный (архив)",
    "fc.landing_type.preloaded": "Предзагрузка",
    # landings
    "fl.landings": "Лендинги",
    "fh.landings": "Лендинги потока и доля трафика каждого в процентах; в сумме 100.",
    "fx.landings": "Лендинг A 50%, лендинг B 50%",
    # limit
    "fl.limit": "Сколько строк",
    "fh.limit": "Сколько строк показать за раз, от 1 до 10 000.",
    "fx.limit": "100",
    # login
    "fl.login": "Логин",
    "fh.login": "Имя для входа в панель трекера; оно должно быть свободным.",
    "fx.login": "buyer-anna",
    # measures
    "fl.measures": "Метрики",
    "fh.measures": (
        "Какие цифры посчитать, через запятую, как в трекере: clicks, leads, sales, revenue, cost, "
        "profit, roi."
    ),
    "fx.measures": "clicks, conversions, revenue, profit, roi",
    # name
    "fl.name": "Название",
    "fh.name": (
        "Как это будет называться в трекере; для домена — сам домен, несколько можно через запятую."
    ),
    "fx.name": "FB | DE | Keto",
    # new_password
    "fl.new_password": "Пароль",
    "fh.new_password": (
        "Пароль для входа в панель трекера; лучше такой, который больше нигде не используется."
    ),
    "fx.new_password": "Xk7-pQ2-mR9",
    # new_password_confirmation
    "fl.new_password_confirmation": "Пароль ещё раз",
    "fh.new_password_confirmation": (
        "Повторите пароль; если оставить пустым, возьмётся тот же, что введён выше."
    ),
    "fx.new_password_confirmation": "Xk7-pQ2-mR9",
    # notes
    "fl.notes": "Заметки",
    "fh.notes": "Любой текст для себя и команды: условия, контакты, что тестируете.",
    "fx.notes": "Капа 50 в день, апрув около 40%",
    # offer_param
    "fl.offer_param": "Параметры оффера",
    "fh.offer_param": (
        "Что трекер добавит к ссылке каждого оффера этой партнёрки, чтобы она вернула subid в "
        "постбэке."
    ),
    "fx.offer_param": "sub1={{subid}}",
    # offer_selection
    "fl.offer_selection": "Выбор оффера",
    "fh.offer_selection": (
        "Когда поток выбирает оффер: до клика по лендингу или после; есть только в новых версиях "
        "трекера, можно пропустить."
    ),
    "fx.offer_selection": "Как в настройках потока в трекере",
    # offer_type
    "fl.offer_type": "Тип оффера",
    "fh.offer_type": (
        "Где оффер: ссылка партнёрки (обычно), архив, загруженный в трекер, страница, которую "
        "подгружает трекер, или действие."
    ),
    "fx.offer_type": "Внешний (по ссылке)",
    "fc.offer_type.action": "Действие",
    "fc.offer_type.external": "Внешний (по ссылке)",
    "fc.offer_type.local": "Локальный (архив)",
    "fc.offer_type.preloaded": "Предзагрузка",
    # offers
    "fl.offers": "Офферы",
    "fh.offers": "Офферы потока и доля трафика каждого в процентах; в сумме должно быть 100.",
    "fx.offers": "Оффер A 60%, оффер B 40%",
    # offset
    "fl.offset": "Пропустить строк",
    "fh.offset": "Сколько первых строк пропустить, чтобы увидеть следующую страницу; 0 — с начала.",
    "fx.offset": "100",
    # only_campaign_uniques
    "fl.only_campaign_uniques": "Только уникальные",
    "fh.only_campaign_uniques": (
        "Да — расход ляжет только на уникальные клики кампании, повторные останутся бесплатными."
    ),
    "fx.only_campaign_uniques": "Да",
    "fc.only_campaign_uniques.0": "На все клики",
    "fc.only_campaign_uniques.1": "Только на уникальные",
    # parameters
    "fl.parameters": "Параметры ссылки",
    "fh.parameters": (
        "Какие метки источник передаёт в ссылке: имя параметра и макрос источника для ключевого "
        "слова, стоимости, sub-меток."
    ),
    "fx.parameters": "sub1 — ID зоны, sub2 — ID креатива",
    # path
    "fl.path": "Путь к файлу",
    "fh.path": (
        "Путь к файлу внутри архива лендинга или оффера, от корня; список есть в разделе «Файлы»."
    ),
    "fx.path": "order/success.html",
    # payout
    "fl.payout": "Выплата",
    "fh.payout": (
        "Сумма конверсии, как её прислала бы партнёрка; пусто — трекер возьмёт выплату из оффера."
    ),
    "fx.payout": "12.5",
    # payout_auto
    "fl.payout_auto": "Выплата из постбэка",
    "fh.payout_auto": (
        "Да — сумму конверсии трекер берёт из постбэка партнёрки; Нет — всегда ставит выплату из "
        "оффера."
    ),
    "fx.payout_auto": "Да",
    # payout_currency
    "fl.payout_currency": "Валюта выплаты",
    "fh.payout_currency": "Валюта, в которой платит партнёрка, три буквы.",
    "fx.payout_currency": "EUR",
    # payout_type
    "fl.payout_type": "Тип выплаты",
    "fh.payout_type": "За что платит партнёрка: за конверсию (CPA) или за клик (CPC).",
    "fx.payout_type": "CPA",
    "fc.payout_type.CPA": "CPA · за конверсию",
    "fc.payout_type.CPC": "CPC · за клик",
    # payout_upsell
    "fl.payout_upsell": "Апсейлы",
    "fh.payout_upsell": (
        "Да — повторные продажи (апсейлы) на том же клике засчитываются как отдельные конверсии."
    ),
    "fx.payout_upsell": "Нет",
    # payout_value
    "fl.payout_value": "Выплата",
    "fh.payout_value": (
        "Сколько партнёрка платит за конверсию или клик; используется, когда сумма не приходит в "
        "постбэке."
    ),
    "fx.payout_value": "25",
    # position
    "fl.position": "Позиция",
    "fh.position": "Место в списке: чем меньше число, тем выше.",
    "fx.position": "1",
    "fl.streams.position": "Позиция",
    "fh.streams.position": (
        "Очерёдность потока среди потоков кампании: меньше — раньше; важна при ротации по позиции."
    ),
    "fx.streams.position": "2",
    "fl.groups.position": "Позиция",
    "fh.groups.position": "Место группы в списке: чем меньше число, тем выше.",
    "fx.groups.position": "1",
    # postback_key
    "fl.postback_key": "Ключ постбэка",
    "fh.postback_key": (
        "Ключ из постбэк-URL трекера (Обслуживание → Настройки); пусто — бот возьмёт сохранённый."
    ),
    "fx.postback_key": "e89bcbe",
    # postback_statuses
    "fl.postback_statuses": "Статусы для постбэка",
    "fh.postback_statuses": (
        "При каких статусах конверсии слать постбэк в источник, через запятую: lead, sale, "
        "rejected, rebill."
    ),
    "fx.postback_statuses": "lead, sale",
    # postback_url
    "fl.postback_url": "URL постбэка",
    "fh.postback_url": (
        "Для источника — куда трекер шлёт конверсии, с макросами; для партнёрки — ссылка, которую "
        "вы вставляете в её кабинет."
    ),
    "fx.postback_url": "https://ts.example/pb?cid={{subid}}",
    # postbacks
    "fl.postbacks": "Постбэки",
    "fh.postbacks": (
        "Постбэки в источник: URL с макросами, метод и статусы; при замене списка те, что не "
        "указаны, удалятся."
    ),
    "fx.postbacks": "GET https://ts.example/pb?cid={{subid}} на sale",
    # preferences
    "fl.preferences": "Настройки пользователя",
    "fh.preferences": "Язык панели (ru или en) и часовой пояс пользователя.",
    "fx.preferences": "Язык ru, пояс Europe/Moscow",
    # proxy
    "fl.proxy": "Прокси",
    "fh.proxy": (
        "Прокси для запросов к Facebook: протокол (http, https, socks5), адрес, порт и, если "
        "нужно, логин с паролем."
    ),
    "fx.proxy": "socks5 10.0.0.1:1080, логин user",
    # proxy_enabled
    "fl.proxy_enabled": "Через прокси",
    "fh.proxy_enabled": (
        "Да — трекер ходит в Facebook за расходами через прокси, указанный в этой интеграции."
    ),
    "fx.proxy_enabled": "Да",
    # query
    "fl.query": "Что искать",
    "fh.query": "Слово или часть текста, которую нужно найти.",
    "fx.query": "keto",
    "fl.streams.query": "Что искать",
    "fh.streams.query": "Часть названия потока: поиск идёт по потокам всех кампаний.",
    "fx.streams.query": "Боты",
    "fl.logs.query": "Текст в логе",
    "fh.logs.query": "Показать только строки лога с этим текстом: subid, домен, текст ошибки.",
    "fx.logs.query": "3b7k2a9f1c8e",
    # range
    "fl.range": "Период",
    "fh.range": (
        "За какое время: готовый период (сегодня, вчера, 7 дней) или даты от и до, в нужном "
        "часовом поясе."
    ),
    "fx.range": "Сегодня, Europe/Moscow",
    # ref_name
    "fl.ref_name": "Колонка отчёта",
    "fh.ref_name": (
        "По какой колонке ведётся список: ip, source, keyword или sub-метка с номером, как она "
        "называется в отчёте."
    ),
    "fx.ref_name": "ip",
    # revenue
    "fl.revenue": "Доход",
    "fh.revenue": "Сколько принесла конверсия; пусто — трекер возьмёт выплату из настроек оффера.",
    "fx.revenue": "12.5",
    # schema_
    "fl.schema_": "Схема",
    "fh.schema_": (
        "Что поток делает с кликом: ведёт на лендинги и офферы, сразу редиректит по ссылке или "
        "выполняет действие."
    ),
    "fx.schema_": "Лендинг → оффер",
    "fc.schema_.action": "Действие",
    "fc.schema_.landings": "Лендинг → оффер",
    "fc.schema_.redirect": "Редирект",
    # sort
    "fl.sort": "Сортировка",
    "fh.sort": (
        "По какой колонке упорядочить строки и в какую сторону: по возрастанию или по убыванию."
    ),
    "fx.sort": "Прибыль по убыванию",
    # ssl_redirect
    "fl.ssl_redirect": "Редирект на HTTPS",
    "fh.ssl_redirect": "Да — заходы по http автоматически перенаправляются на https.",
    "fx.ssl_redirect": "Да",
    # start_date
    "fl.start_date": "Начало периода",
    "fh.start_date": "Дата и время начала периода: год-месяц-день и часы:минуты.",
    "fx.start_date": "2024-05-01 00:00",
    # state
    "fl.state": "Статус",
    "fh.state": "Работает, на паузе или в архиве; из архива объект можно восстановить.",
    "fx.state": "Работает",
    "fc.state.active": "Работает",
    "fc.state.deleted": "В архиве",
    "fc.state.disabled": "На паузе",
    # status
    "fl.status": "Статус",
    "fh.status": (
        "Статус конверсии: lead, sale, rejected или rebill; статус партнёрки (например, hold) "
        "трекер сопоставит сам."
    ),
    "fx.status": "sale",
    # subid
    "fl.subid": "ID клика (subid)",
    "fh.subid": (
        "Subid клика, на который пришла конверсия: трекер подставляет его в ссылку оффера, "
        "партнёрка возвращает в постбэке."
    ),
    "fx.subid": "3b7k2a9f1c8e",
    # summary
    "fl.summary": "Итоги",
    "fh.summary": "Да — добавить под отчётом строку с суммами по всем строкам.",
    "fx.summary": "Да",
    # template_name
    "fl.template_name": "Шаблон",
    "fh.template_name": (
        "Шаблон источника из каталога Keitaro, по которому заполнены параметры и постбэк; обычно "
        "оставьте как есть."
    ),
    "fx.template_name": "facebook",
    # tid
    "fl.tid": "ID транзакции",
    "fh.tid": (
        "ID транзакции от партнёрки: новый ID даёт отдельную конверсию на том же клике, без него "
        "конверсия перезапишется."
    ),
    "fx.tid": "TX-100234",
    # timezone
    "fl.timezone": "Часовой пояс",
    "fh.timezone": "В каком часовом поясе указаны даты периода, название как в трекере.",
    "fx.timezone": "Europe/Moscow",
    # token
    "fl.token": "Токен",
    "fh.token": "Ключ доступа: вставьте его целиком, без пробелов.",
    "fx.token": "9c1d2e7f0a5b4c3d",
    "fl.campaigns.token": "Токен кампании",
    "fh.campaigns.token": (
        "Токен для серверной интеграции, когда клики в трекер передаёт ваш сайт; обычно трекер "
        "создаёт его сам."
    ),
    "fx.campaigns.token": "9c1d2e7f0a5b4c3d2e1f0a9b8c7d6e5f",
    "fl.integrations.token": "Токен Facebook",
    "fh.integrations.token": (
        "Маркер доступа к рекламному аккаунту из кабинета Facebook: по нему трекер забирает "
        "расходы."
    ),
    "fx.integrations.token": "EAABsbCS1iHgBA…",
    # traffic_loss
    "fl.traffic_loss": "Потеря трафика, %",
    "fh.traffic_loss": (
        "Какой процент кликов теряется по дороге от источника до трекера, от 0 до 100; трекер "
        "учтёт это в расходах."
    ),
    "fx.traffic_loss": "5",
    # traffic_source_id
    "fl.traffic_source_id": "Источник трафика",
    "fh.traffic_source_id": (
        "Откуда идёт трафик кампании: от источника зависят параметры ссылки и постбэк; 0 — без "
        "источника."
    ),
    "fx.traffic_source_id": "Facebook или #7",
    # transaction_id
    "fl.transaction_id": "ID транзакции",
    "fh.transaction_id": (
        "ID транзакции от партнёрки: новый ID даёт отдельную конверсию на том же клике, без него "
        "конверсия перезапишется."
    ),
    "fx.transaction_id": "TX-100234",
    # triggers
    "fl.triggers": "Мониторинг",
    "fh.triggers": (
        "Проверки по расписанию: если лендинг или оффер не отвечает, поток отключит его или "
        "подменит ссылку."
    ),
    "fx.triggers": "Оффер не отвечает → отключить",
    # type
    "fl.type": "Тип",
    "fh.type": "Разновидность: от неё зависит, как будет работать то, что вы настраиваете.",
    "fx.type": "Обычный",
    "fl.campaigns.type": "Ротация потоков",
    "fh.campaigns.type": (
        "По позиции — потоки проверяются по порядку; по весу — трафик делится между потоками по их "
        "весам (сплит)."
    ),
    "fx.campaigns.type": "По весу (сплит)",
    "fl.streams.type": "Тип потока",
    "fh.streams.type": (
        "Перехватывающий проверяется первым, обычный — за ним, запасной забирает клики, которые не "
        "подошли никуда."
    ),
    "fx.streams.type": "Обычный",
    "fl.groups.type": "Что в группе",
    "fh.groups.type": "Что хранится в группах: кампании, офферы, лендинги или домены.",
    "fx.groups.type": "Кампании",
    "fl.users.type": "Роль",
    "fh.users.type": (
        "Администратор видит и меняет всё; пользователь — только то, что ему открыли в правах "
        "доступа."
    ),
    "fx.users.type": "Пользователь",
    "fl.logs.type": "Какой лог",
    "fh.logs.type": (
        "Системный лог, лог трафика, входящих или отправленных постбэков, выпуска SSL-сертификатов."
    ),
    "fx.logs.type": "Входящие постбэки",
    "fc.type.ADMIN": "Администратор",
    "fc.type.USER": "Пользователь",
    "fc.type.campaigns": "Кампании",
    "fc.type.default": "Запасной",
    "fc.type.domains": "Домены",
    "fc.type.forced": "Перехватывающий",
    "fc.type.landings": "Лендинги",
    "fc.type.offers": "Офферы",
    "fc.type.position": "По позиции",
    "fc.type.postbacks": "Входящие постбэки",
    "fc.type.regular": "Обычный",
    "fc.type.sent_postbacks": "Отправленные постбэки",
    "fc.type.ssl": "SSL-сертификаты",
    "fc.type.system": "Системный",
    "fc.type.traffic": "Трафик",
    "fc.type.weight": "По весу (сплит)",
    # uniqueness_method
    "fl.uniqueness_method": "Метод уникальности",
    "fh.uniqueness_method": (
        "Как трекер узнаёт повторного посетителя: только по IP или по IP вместе с браузером "
        "(User-Agent)."
    ),
    "fx.uniqueness_method": "По IP + User-Agent",
    "fc.uniqueness_method.ip": "По IP",
    "fc.uniqueness_method.ip_ua": "По IP + User-Agent",
    # uniqueness_use_cookies
    "fl.uniqueness_use_cookies": "Учитывать куки",
    "fh.uniqueness_use_cookies": (
        "Да — повторного посетителя узнают ещё и по куки в браузере, так уникальность точнее."
    ),
    "fx.uniqueness_use_cookies": "Да",
    # url
    "fl.url": "URL лендинга",
    "fh.url": (
        "Адрес внешнего лендинга; добавьте макросы трекера, если лендингу нужны данные клика."
    ),
    "fx.url": "https://example.com/lp/?sub={{subid}}",
    # value
    "fl.value": "IP и диапазоны",
    "fh.value": "IP-адреса ботов по одному в строке; диапазон — с маской, например /24.",
    "fx.value": "66.249.64.0/19",
    # weight
    "fl.weight": "Вес",
    "fh.weight": (
        "Доля потока при ротации по весу: трафик делится пропорционально весам, от 0 до 1000, "
        "обычно 100."
    ),
    "fx.weight": "100",
    # wildcard
    "fl.wildcard": "Все поддомены",
    "fh.wildcard": (
        "Да — домен принимает трафик и на любых поддоменах; устаревшая настройка, обычно Нет."
    ),
    "fx.wildcard": "Нет",
    # a campaign label's report column (ref_name): the same names as the filters'
    **{f"fc.ref_name.sub_id_{n}": f"Sub ID {n}" for n in range(1, 16)},
    "fc.ref_name.source": "Источник",
    "fc.ref_name.keyword": "Ключевое слово",
    "fc.ref_name.ip": "IP",
}
