"""Ukrainian texts (HTML). Every key exists in en.py too, with the same placeholders."""

TEXTS: dict[str, str] = {
    # знайомство
    "start.greeting": (
        "👋 Привіт, {name}! Я — ваш трекер Keitaro в Telegram.\n"
        "• Прибуток і ROI за сьогодні, кампанії в плюсі й у мінусі — одним дотиком\n"
        "• Кампанії, потоки, офери, кліки й конверсії під рукою\n"
        "• Ранкові зведення з графіками — у вашому часовому поясі"
    ),
    "connect.ask_url": (
        "🔗 Надішліть адресу трекера — ту, де ви входите в панель, наприклад "
        "<code>trk.example.com</code>"
    ),
    "connect.url_example": "Наприклад: <code>https://trk.example.com</code>",
    "connect.ask_key": (
        "🔑 Тепер надішліть API-ключ трекера <b>{host}</b> (Keitaro → Профіль → API-ключі).\n"
        "Я видалю повідомлення з ключем одразу після прочитання."
    ),
    "connect.try_again": "Надішліть інший ключ або змініть адресу.",
    "connect.done": (
        "✅ Трекер підключено: <b>{name}</b>. Ключ зберігається в зашифрованому вигляді."
    ),
    "connect.key_updated": "✅ Новий ключ для <b>{name}</b> збережено (у зашифрованому вигляді).",
    "connect.timezone": "🕐 Часовий пояс: <b>{zone}</b> (з трекера); змінити можна в /settings.",
    "connect.delete_yourself": (
        "⚠️ Не вдалося видалити повідомлення з ключем — видаліть його, будь ласка, самі."
    ),
    "help": (
        "<b>Що я вмію</b>\n"
        "/menu — цифри за сьогодні й усі розділи трекера\n"
        "/stats — прибуток, ROI і звіти · /digest — зведення за розкладом\n"
        "/live — кожна нова конверсія одразу (/live on, /live off)\n"
        "/alerts — правила алертів · /alert — нове (і одним рядком: /alert roi &lt; -30)\n"
        "/campaigns — ваші кампанії; /offers, /streams, /landings, /logs\n"
        "/conversion — записати конверсію (можна одним рядком або JSON)\n"
        "/click &lt;subid&gt; — шлях кліку та його конверсії\n"
        "/costs — завантажити витрати з CSV · /actions — створити, змінити, архівувати\n"
        "/connect — підключити трекер (або <code>/connect &lt;адреса&gt; &lt;ключ&gt;</code>)\n"
        "/trackers — перемкнути, перейменувати, перевірити чи видалити трекер\n"
        "/lang — мова · /settings — налаштування · /cancel — вийти з діалогу"
    ),
    "lang.choose": "🌐 Оберіть мову:",
    "lang.set": "✅ Мова: українська.",
    "cancelled": "✖️ Скасовано.",
    "nothing_to_cancel": "Скасовувати нічого.",
    "access.denied": "⛔ Це закритий бот. Попросіть власника додати ваш Telegram id.",
    "throttled": "🐢 Надто швидко — дайте мені секунду.",
    "fallback.in_dialog": "Тут я такого не очікував.",
    "fallback.unknown_command": "Такої команди я не знаю. /help — що я вмію.",
    "fallback.text": "Відкрийте меню, щоб побачити, що я вмію.",
    "stale.button": "Ця кнопка застаріла.",
    "stale.screen": "Цей екран застарів. Відкрийте меню знову.",
    # меню
    "menu.header": "📊 <b>Keitaro</b> · {name} ({host})",
    "menu.header_host": "📊 <b>Keitaro</b> · {host}",
    "menu.today": "Сьогодні: прибуток {profit} · ROI {roi} · кліки {clicks} · конв. {conversions}",
    "menu.today_failed": "Не вдалося отримати цифри за сьогодні: {reason}",
    "menu.no_tracker": "Трекер ще не підключено. Підключіть, щоб почати.",
    "menu.more": "⋯ <b>Інші розділи</b>",
    "menu.tracker_settings": "⚙️ <b>Налаштування трекера</b> (інтеграції)",
    "menu.filters": "🧩 <b>Фільтри й типи потоків</b>",
    "settings.title": "⚙️ <b>Налаштування</b>",
    # перегляд
    "browse.pick": "Оберіть: {parent} — щоб побачити {what}:",
    "browse.choose": "{what}: оберіть, що показати.",
    "browse.page": "стор. {page} з {pages} · усього {total}",
    "browse.found": "«{query}»",
    "browse.nothing_found": "Нічого не знайдено. Спробуйте іншу назву або id.",
    "browse.empty": "Тут поки порожньо.",
    "browse.restricted_hint": (
        "Якщо тут мають бути записи — можливо, ключ належить користувачеві з обмеженим "
        "доступом до цього розділу."
    ),
    "browse.gone": (
        "Цього об'єкта ({what} #{id}) більше немає: його могли архівувати або видалити."
    ),
    "search.ask": "🔎 Надішліть назву (або її частину) чи id.",
    "result.ok": "✅ {status}",
    "details.gone": "Ці подробиці вже не зберігаються. Відкрийте об'єкт знову.",
    "details.head": "{status} <b>{action}</b> · {code} · {ms} мс",
    "details.answer": "Відповідь",
    # трекери
    "trackers.title": "🔑 <b>Ваші трекери</b>",
    "trackers.none": "Поки жодного.",
    "trackers.card": (
        "🔑 <b>{name}</b>\nАдреса: {url}\nAPI-ключ: <code>{key}</code>\nКлюч постбека: {postback}"
    ),
    "trackers.gone": "Такого трекера у вас немає (уже немає).",
    "trackers.works": "✅ Трекер відповідає ({ms} мс).",
    "trackers.ask_name": "✏️ Надішліть нову назву.",
    "trackers.name_taken": "Трекер «{name}» у вас уже є. Надішліть іншу назву.",
    "trackers.ask_postback": (
        "📮 Надішліть postback URL трекера (Обслуговування → Налаштування → Postback URL) або "
        "лише ключ. Повідомлення я видалю одразу після прочитання."
    ),
    "trackers.bad_postback": (
        "Це не postback URL (…/&lt;ключ&gt;/postback) і не ключ. Спробуйте ще раз."
    ),
    "trackers.postback_saved": "✅ Ключ постбека збережено (у зашифрованому вигляді).",
    "trackers.confirm_remove": (
        "🗑 Видалити <b>{name}</b>? Ключ і зведення цього трекера буде видалено з бота; сам "
        "трекер залишиться без змін."
    ),
    "trackers.removed": "🗑 Трекер <b>{name}</b> видалено.",
    "yes": "так",
    "no": "ні",
    # помилки: причина і що робити
    "e.bad_key": "🔑 Трекер не прийняв API-ключ. Можливо, його відкликали або скопіювали з "
    "пробілом. Надішліть ключ ще раз.",
    "e.forbidden": "🚫 Користувач цього ключа не має прав на це. Візьміть ключ адміністратора "
    "або попросіть доступ у власника трекера.",
    "e.cloudflare": "🛡 Cloudflare перед {host} заблокував бота раніше, ніж запит дійшов до "
    "Keitaro. Дозвольте бота в Cloudflare або вкажіть пряму адресу панелі.",
    "e.plan": "💳 У тарифі трекера немає Admin API для цього.",
    "e.not_found": "🔍 У трекері цього немає (уже немає): можливо, об'єкт архівовано.",
    "e.unsupported": "🧩 У цій версії трекера такої дії немає.",
    "e.invalid": "✏️ Трекер не прийняв дані:",
    "e.rate_limited": "🐢 Трекер просить не поспішати. Повторіть за хвилину.",
    "e.server": "💥 У трекері сталася помилка сервера. Повторіть за хвилину.",
    "e.unreachable": "🌐 {host} недоступний. Можливо, трекер або його мережа не працюють; нічого "
    "не змінено. Перевірте адресу.",
    "e.connection_lost": "🌐 Зв'язок із {host} обірвався до відповіді. Перш ніж повторювати "
    "зміну, перевірте, чи вона застосувалася.",
    "e.timeout": "⏱ {host} не відповів вчасно. Трекер або мережа можуть гальмувати.",
    "e.tls": "🔒 {host} не пройшов перевірку захищеного з'єднання (HTTPS). Перевірте сертифікат "
    "трекера або надішліть адресу з http://, якщо сертифіката немає.",
    "e.not_keitaro": "🧩 За цією адресою відкрилася вебсторінка, а не API Keitaro. Надішліть "
    "адресу панелі (де ви входите), наприклад https://trk.example.com",
    "e.bad_postback_key": "📮 Трекер не знає такого ключа постбека.",
    "e.postback_key_missing": "📮 Для цього потрібен ключ постбека трекера.",
    "e.invalid_url": "🔗 Це не схоже на вебадресу.",
    "e.private_address": "🚫 {host} — приватна або локальна адреса; до таких бот не підключається.",
    "e.unresolvable": "🌐 Не вдалося знайти адресу {host}: перевірте написання.",
    "e.error": "❌ З трекером щось пішло не так.",
    "e.internal": "💥 У мене щось зламалося. Помилку записано; повторіть або відкрийте /menu.",
    "e.short": "Щось пішло не так",
    # кнопки
    "b.cancel": "✖️ Скасувати",
    "b.menu": "Меню",
    "b.connect": "🔗 Підключити трекер",
    "menu.b.alerts": "🔔 Алерти",
    "menu.b.live": "📡 Стрічка",
    "menu.b.digests": "🗞 Дайджести",
    "b.more": "Ще",
    "b.settings": "Налаштування",
    "b.trackers": "Трекери",
    "b.language": "Мова",
    "b.details": "Детальніше",
    "b.back": "Назад",
    "b.retry": "Повторити",
    "b.prev": "Назад",
    "b.next": "Далі",
    "b.search": "Пошук",
    "b.all_fields": "Усі поля",
    "b.change_address": "🔗 Змінити адресу",
    "b.add_tracker": "Додати трекер",
    "b.use": "Зробити основним",
    "b.test": "Перевірити",
    "b.rename": "Перейменувати",
    "b.postback_key": "Ключ постбека",
    "b.remove": "Видалити",
    "b.confirm_remove": "Так, видалити",
    "b.keep": "Ні, залишити",
    # розділи
    "r.campaigns": "Кампанії",
    "r.streams": "Потоки",
    "r.offers": "Офери",
    "r.landing_pages": "Лендинги",
    "r.traffic_sources": "Джерела трафіку",
    "r.affiliate_networks": "Партнерки",
    "r.domains": "Домени",
    "r.groups": "Групи",
    "r.users": "Користувачі",
    "r.facebook": "Інтеграції Facebook",
    "r.stats": "Статистика",
    "r.clicks": "Кліки",
    "r.conversions": "Конверсії",
    "r.botlist": "Боти (список IP)",
    "r.blacklist": "Блекліст",
    "r.postbacks": "Постбеки",
    "r.logs": "Логи",
    "r.filters": "Фільтри",
    "r.stream_types": "Типи потоків",
    "r.stream_schemas": "Схеми потоків",
    "r.stream_actions": "Дії потоків",
    "r.avscan": "AVScan",
    "r.imklo": "IMKLO",
    "r.deleted_streams": "Потоки в архіві",
    "r.files": "Файли",
    "r.tracker_settings": "Налаштування трекера",
    "l.streams": "Потоки",
    "l.postbacks": "Постбеки",
    "l.blacklist": "Блекліст",
    "l.campaign": "Кампанія",
    "l.offer": "Офер",
    "l.landing": "Лендинг",
    "l.network": "Партнерка",
    "l.default_campaign": "Кампанія за замовчуванням",
    # колонки звітів
    "col.campaign": "кампанія",
    "col.clicks": "кліки",
    "col.conversions": "конв.",
    "col.revenue": "дохід",
    "col.cost": "витрати",
    "col.profit": "прибуток",
    "col.roi": "ROI",
    "col.datetime": "час",
    "col.sub_id": "subid",
    "col.country": "країна",
    "col.device_type": "пристрій",
    "col.postback_datetime": "час",
    "col.status": "статус",
    # поля
    "f.state": "Статус",
    "f.cost": "Вартість",
    "f.cost_type": "Модель оплати",
    "f.source": "Джерело",
    "f.domain": "Домен",
    "f.group": "Група",
    "f.alias": "Аліас",
    "f.type": "Тип",
    "f.schema": "Схема",
    "f.action": "Дія",
    "f.weight": "Вага",
    "f.filters": "Фільтри",
    "f.offers": "Офери",
    "f.landings": "Лендинги",
    "f.payout": "Виплата",
    "f.payout_type": "Тип виплати",
    "f.network": "Партнерка",
    "f.countries": "Країни",
    "f.url": "URL",
    "f.postback_url": "Postback URL",
    "f.statuses": "Статуси",
    "f.template": "Шаблон",
    "f.offer_param": "Параметри офера",
    "f.offer_count": "Оферів",
    "f.network_status": "DNS",
    "f.domain_error": "Проблема",
    "fc.network_status.validating": "⏳ перевіряється",
    "fc.network_status.active": "✅ працює",
    "fc.network_status.error": "❌ не вказує на трекер",
    "fc.ssl_status.issued": "✅ сертифікат випущено",
    "fc.ssl_status.error": "❌ сертифікат не випущено",
    "fc.ssl_status.pending": "⏳ сертифікат випускається",
    "f.ssl": "SSL",
    "f.default_campaign": "Кампанія за замовчуванням",
    "f.catch_not_found": "Ловити 404",
    "f.position": "Позиція",
    "f.language": "Мова",
    "f.timezone": "Часовий пояс",
    "f.ad_account": "Рекламний акаунт",
    "f.proxy": "Проксі",
    "state.active": "працює",
    "state.disabled": "на паузі",
    "state.deleted": "в архіві",
    # вибір
    "arg.campaigns": "Групи кампаній",
    "arg.offers": "Групи оферів",
    "arg.landings": "Групи лендингів",
    "arg.domains": "Групи доменів",
    "arg.system": "Системний",
    "arg.traffic": "Трафік",
    "arg.postbacks": "Постбеки",
    "arg.sent_postbacks": "Надіслані постбеки",
    "arg.ssl": "SSL",
    "arg.sub_id_1": "sub_id_1",
    "arg.sub_id_2": "sub_id_2",
    "arg.sub_id_3": "sub_id_3",
    "arg.source": "Джерело",
    "arg.keyword": "Ключове слово",
    "arg.ip": "IP",
}
