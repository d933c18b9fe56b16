"""Русские тексты (HTML). Каждый ключ есть и в en.py; тест следит, чтобы они совпадали."""

TEXTS: dict[str, str] = {
    # знакомство
    "start.greeting": (
        "👋 Привет, {name}! Я — ваш трекер Keitaro в Telegram.\n"
        "• Прибыль и ROI за сегодня, кампании в плюсе и в минусе — в одно касание\n"
        "• Кампании, потоки, офферы, клики и конверсии под рукой\n"
        "• Утренние сводки с графиками — в вашем часовом поясе"
    ),
    "connect.ask_url": (
        "🔗 Пришлите адрес трекера — тот, где вы входите в панель, например "
        "<code>trk.example.com</code>"
    ),
    "connect.url_example": "Например: <code>https://trk.example.com</code>",
    "connect.ask_key": (
        "🔑 Теперь пришлите API-ключ трекера <b>{host}</b> (Keitaro → Профиль → API-ключи).\n"
        "Я удалю сообщение с ключом сразу после прочтения."
    ),
    "connect.try_again": "Пришлите другой ключ или поменяйте адрес.",
    "connect.done": "✅ Трекер подключён: <b>{name}</b>. Ключ хранится в зашифрованном виде.",
    "connect.key_updated": "✅ Новый ключ для <b>{name}</b> сохранён (в зашифрованном виде).",
    "connect.timezone": (
        "🕐 Часовой пояс: <b>{zone}</b> (из трекера); поменять можно в /settings."
    ),
    "connect.delete_yourself": (
        "⚠️ Не получилось удалить сообщение с ключом — удалите его, пожалуйста, сами."
    ),
    "help": (
        "<b>Что я умею</b>\n"
        "/menu — цифры за сегодня и все разделы трекера\n"
        "/stats — прибыль, ROI и отчёты · /digest — сводки по расписанию\n"
        "/live — каждая новая конверсия сразу (/live on, /live off)\n"
        "/alerts — правила алертов · /alert — новое (и одной строкой: /alert roi &lt; -30)\n"
        "/campaigns — ваши кампании; /offers, /streams, /landings, /logs\n"
        "/conversion — записать конверсию (можно одной строкой или JSON)\n"
        "/click &lt;subid&gt; — путь клика и его конверсии\n"
        "/costs — загрузить расходы из CSV · /actions — создать, изменить, архивировать\n"
        "/connect — подключить трекер (или <code>/connect &lt;адрес&gt; &lt;ключ&gt;</code>)\n"
        "/trackers — переключить, переименовать, проверить или удалить трекер\n"
        "/lang — язык · /settings — настройки · /cancel — выйти из диалога"
    ),
    "lang.choose": "🌐 Выберите язык:",
    "lang.set": "✅ Язык: русский.",
    "cancelled": "✖️ Отменено.",
    "nothing_to_cancel": "Отменять нечего.",
    "access.denied": "⛔ Это закрытый бот. Попросите владельца добавить ваш Telegram id.",
    "throttled": "🐢 Слишком быстро — дайте мне секунду.",
    "fallback.in_dialog": "Здесь я такого не ожидал.",
    "fallback.unknown_command": "Такой команды я не знаю. /help — что я умею.",
    "fallback.text": "Откройте меню, чтобы увидеть, что я умею.",
    "stale.button": "Эта кнопка устарела.",
    "stale.screen": "Этот экран устарел. Откройте меню заново.",
    # меню
    "menu.header": "📊 <b>Keitaro</b> · {name} ({host})",
    "menu.header_host": "📊 <b>Keitaro</b> · {host}",
    "menu.today": "Сегодня: прибыль {profit} · ROI {roi} · клики {clicks} · конв. {conversions}",
    "menu.today_failed": "Не удалось получить цифры за сегодня: {reason}",
    "menu.no_tracker": "Трекер ещё не подключён. Подключите, чтобы начать.",
    "menu.more": "⋯ <b>Другие разделы</b>",
    "menu.tracker_settings": "⚙️ <b>Настройки трекера</b> (интеграции)",
    "menu.filters": "🧩 <b>Фильтры и типы потоков</b>",
    "settings.title": "⚙️ <b>Настройки</b>",
    # просмотр
    "browse.pick": "Выберите: {parent} — чтобы увидеть {what}:",
    "browse.choose": "{what}: выберите, что показать.",
    "browse.page": "стр. {page} из {pages} · всего {total}",
    "browse.found": "«{query}»",
    "browse.nothing_found": "Ничего не найдено. Попробуйте другое название или id.",
    "browse.empty": "Здесь пока пусто.",
    "browse.restricted_hint": (
        "Если здесь должны быть записи — возможно, ключ принадлежит пользователю с "
        "ограниченным доступом к этому разделу."
    ),
    "browse.gone": "Этого объекта ({what} #{id}) больше нет: его могли архивировать или удалить.",
    "search.ask": "🔎 Пришлите название (или его часть) или id.",
    "result.ok": "✅ {status}",
    "details.gone": "Эти подробности уже не хранятся. Откройте объект заново.",
    "details.head": "{status} <b>{action}</b> · {code} · {ms} мс",
    "details.answer": "Ответ",
    # трекеры
    "trackers.title": "🔑 <b>Ваши трекеры</b>",
    "trackers.none": "Пока ни одного.",
    "trackers.card": (
        "🔑 <b>{name}</b>\nАдрес: {url}\nAPI-ключ: <code>{key}</code>\nКлюч постбэка: {postback}"
    ),
    "trackers.gone": "Такого трекера у вас нет (уже нет).",
    "trackers.works": "✅ Трекер отвечает ({ms} мс).",
    "trackers.ask_name": "✏️ Пришлите новое название.",
    "trackers.name_taken": "Трекер «{name}» у вас уже есть. Пришлите другое название.",
    "trackers.ask_postback": (
        "📮 Пришлите postback URL трекера (Обслуживание → Настройки → Postback URL) или только "
        "ключ. Сообщение я удалю сразу после прочтения."
    ),
    "trackers.bad_postback": (
        "Это не postback URL (…/&lt;ключ&gt;/postback) и не ключ. Попробуйте ещё раз."
    ),
    "trackers.postback_saved": "✅ Ключ постбэка сохранён (в зашифрованном виде).",
    "trackers.confirm_remove": (
        "🗑 Удалить <b>{name}</b>? Ключ и сводки этого трекера будут удалены из бота; сам "
        "трекер не пострадает."
    ),
    "trackers.removed": "🗑 Трекер <b>{name}</b> удалён.",
    "yes": "да",
    "no": "нет",
    # ошибки: причина и что делать
    "e.bad_key": "🔑 Трекер не принял API-ключ. Возможно, его отозвали или скопировали с "
    "пробелом. Пришлите ключ ещё раз.",
    "e.forbidden": "🚫 У пользователя этого ключа нет прав на это. Возьмите ключ администратора "
    "или попросите доступ у владельца трекера.",
    "e.cloudflare": "🛡 Cloudflare перед {host} заблокировал бота раньше, чем запрос дошёл до "
    "Keitaro. Разрешите бота в Cloudflare или укажите прямой адрес панели.",
    "e.plan": "💳 В тарифе трекера нет Admin API для этого.",
    "e.not_found": "🔍 В трекере этого нет (уже нет): возможно, объект архивирован.",
    "e.unsupported": "🧩 В этой версии трекера такого действия нет.",
    "e.invalid": "✏️ Трекер не принял данные:",
    "e.rate_limited": "🐢 Трекер просит не торопиться. Повторите через минуту.",
    "e.server": "💥 В трекере произошла ошибка сервера. Повторите через минуту.",
    "e.unreachable": "🌐 {host} не отвечает. Возможно, трекер или сеть недоступны; ничего не "
    "изменено. Проверьте адрес.",
    "e.connection_lost": "🌐 Связь с {host} оборвалась до ответа. Прежде чем повторять "
    "изменение, проверьте, применилось ли оно.",
    "e.timeout": "⏱ {host} не ответил вовремя. Трекер или сеть могут тормозить.",
    "e.tls": "🔒 {host} не прошёл проверку защищённого соединения (HTTPS). Проверьте сертификат "
    "трекера или пришлите адрес с http://, если сертификата нет.",
    "e.not_keitaro": "🧩 По этому адресу открылась веб-страница, а не API Keitaro. Пришлите "
    "адрес панели (где вы входите), например https://trk.example.com",
    "e.bad_postback_key": "📮 Трекер не знает такой ключ постбэка.",
    "e.postback_key_missing": "📮 Для этого нужен ключ постбэка трекера.",
    "e.invalid_url": "🔗 Это не похоже на веб-адрес.",
    "e.private_address": "🚫 {host} — частный или локальный адрес; к таким бот не подключается.",
    "e.unresolvable": "🌐 Адрес {host} не находится: проверьте написание.",
    "e.error": "❌ С трекером что-то пошло не так.",
    "e.internal": "💥 У меня что-то сломалось. Ошибка записана; повторите или откройте /menu.",
    "e.short": "Что-то пошло не так",
    # кнопки
    "b.cancel": "✖️ Отмена",
    "b.menu": "Меню",
    "b.connect": "🔗 Подключить трекер",
    "menu.b.alerts": "🔔 Алерты",
    "menu.b.live": "📡 Лента",
    "menu.b.digests": "🗞 Дайджесты",
    "b.more": "Ещё",
    "b.settings": "Настройки",
    "b.trackers": "Трекеры",
    "b.language": "Язык",
    "b.details": "Подробнее",
    "b.back": "Назад",
    "b.retry": "Повторить",
    "b.prev": "Назад",
    "b.next": "Дальше",
    "b.search": "Поиск",
    "b.all_fields": "Все поля",
    "b.change_address": "🔗 Поменять адрес",
    "b.add_tracker": "Добавить трекер",
    "b.use": "Сделать основным",
    "b.test": "Проверить",
    "b.rename": "Переименовать",
    "b.postback_key": "Ключ постбэка",
    "b.remove": "Удалить",
    "b.confirm_remove": "Да, удалить",
    "b.keep": "Нет, оставить",
    # разделы
    "r.campaigns": "Кампании",
    "r.streams": "Потоки",
    "r.offers": "Офферы",
    "r.landing_pages": "Лендинги",
    "r.traffic_sources": "Источники",
    "r.affiliate_networks": "Партнёрки",
    "r.domains": "Домены",
    "r.groups": "Группы",
    "r.users": "Пользователи",
    "r.facebook": "Интеграции Facebook",
    "r.stats": "Статистика",
    "r.clicks": "Клики",
    "r.conversions": "Конверсии",
    "r.botlist": "Боты (список IP)",
    "r.blacklist": "Блэклист",
    "r.postbacks": "Постбэки",
    "r.logs": "Логи",
    "r.filters": "Фильтры",
    "r.stream_types": "Типы потоков",
    "r.stream_schemas": "Схемы потоков",
    "r.stream_actions": "Действия потоков",
    "r.avscan": "AVScan",
    "r.imklo": "IMKLO",
    "r.deleted_streams": "Потоки в архиве",
    "r.files": "Файлы",
    "r.tracker_settings": "Настройки трекера",
    "l.streams": "Потоки",
    "l.postbacks": "Постбэки",
    "l.blacklist": "Блэклист",
    "l.campaign": "Кампания",
    "l.offer": "Оффер",
    "l.landing": "Лендинг",
    "l.network": "Партнёрка",
    "l.default_campaign": "Кампания по умолчанию",
    # колонки отчётов
    "col.campaign": "кампания",
    "col.clicks": "клики",
    "col.conversions": "конв.",
    "col.revenue": "доход",
    "col.cost": "расход",
    "col.profit": "прибыль",
    "col.roi": "ROI",
    "col.datetime": "время",
    "col.sub_id": "subid",
    "col.country": "страна",
    "col.device_type": "устройство",
    "col.postback_datetime": "время",
    "col.status": "статус",
    # поля
    "f.state": "Статус",
    "f.cost": "Стоимость",
    "f.cost_type": "Модель оплаты",
    "f.source": "Источник",
    "f.domain": "Домен",
    "f.group": "Группа",
    "f.alias": "Алиас",
    "f.type": "Тип",
    "f.schema": "Схема",
    "f.action": "Действие",
    "f.weight": "Вес",
    "f.filters": "Фильтры",
    "f.offers": "Офферы",
    "f.landings": "Лендинги",
    "f.payout": "Выплата",
    "f.payout_type": "Тип выплаты",
    "f.network": "Партнёрка",
    "f.countries": "Страны",
    "f.url": "URL",
    "f.postback_url": "Postback URL",
    "f.statuses": "Статусы",
    "f.template": "Шаблон",
    "f.offer_param": "Параметры оффера",
    "f.offer_count": "Офферов",
    "f.network_status": "DNS",
    "f.domain_error": "Проблема",
    "fc.network_status.validating": "⏳ проверяется",
    "fc.network_status.active": "✅ работает",
    "fc.network_status.error": "❌ не указывает на трекер",
    "fc.ssl_status.issued": "✅ сертификат выпущен",
    "fc.ssl_status.error": "❌ сертификат не выпущен",
    "fc.ssl_status.pending": "⏳ сертификат выпускается",
    "f.ssl": "SSL",
    "f.default_campaign": "Кампания по умолчанию",
    "f.catch_not_found": "Ловить 404",
    "f.position": "Позиция",
    "f.language": "Язык",
    "f.timezone": "Часовой пояс",
    "f.ad_account": "Рекламный аккаунт",
    "f.proxy": "Прокси",
    "state.active": "активна",
    "state.disabled": "на паузе",
    "state.deleted": "в архиве",
    # выбор
    "arg.campaigns": "Группы кампаний",
    "arg.offers": "Группы офферов",
    "arg.landings": "Группы лендингов",
    "arg.domains": "Группы доменов",
    "arg.system": "Системный",
    "arg.traffic": "Трафик",
    "arg.postbacks": "Постбэки",
    "arg.sent_postbacks": "Отправленные постбэки",
    "arg.ssl": "SSL",
    "arg.sub_id_1": "sub_id_1",
    "arg.sub_id_2": "sub_id_2",
    "arg.sub_id_3": "sub_id_3",
    "arg.source": "Источник",
    "arg.keyword": "Ключевое слово",
    "arg.ip": "IP",
}
