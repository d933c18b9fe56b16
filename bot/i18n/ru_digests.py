"""Русские тексты сводок по расписанию: сама сводка и диалог /digest."""

TEXTS: dict[str, str] = {
    "digest.title.yesterday": "☀️ Вчера · {date} · {tracker}",
    "digest.title.today": "📊 Сегодня на сейчас · {date} · {tracker}",
    "digest.months": "янв фев мар апр мая июн июл авг сен окт ноя дек",
    "digest.weekdays": "пн вт ср чт пт сб вс",
    "digest.late": "⏰ с опозданием: в {time} бот был недоступен",
    "digest.failed": "⚠️ Не удалось получить цифры из {tracker}:\n{reason}",
    "digest.chart_title": "Последние 14 дней, {tracker}",
    "digest.settings_button": "⚙️ Настройки сводок",
    "digest.list_title": "<b>🗓 Ваши сводки</b>",
    "digest.list_empty": (
        "Сводок пока нет. Сводка приносит цифры за вчера (или за сегодня на сейчас) в чат "
        "в выбранное время."
    ),
    "digest.line": (
        "{number}. {icon} {time} {days} · {timezone} · {tracker}{scope} → {target}{chart}"
    ),
    "digest.line_scope": " · 🗂 {scope}",
    "digest.next": "   следующая: {when}",
    "digest.paused_line": "   ⏸ на паузе",
    "digest.target_here": "этот чат",
    "digest.target_chat": "чат {chat}",
    "digest.chart_on": " · 📈",
    "digest.every_day": "каждый день",
    "digest.weekdays_only": "по будням",
    "digest.new": "➕ Новая сводка",
    "digest.pause": "⏸ {number}",
    "digest.resume": "▶️ {number}",
    "digest.delete": "🗑 {number}",
    "digest.edit": "✏️ {number}",
    "digest.delete_ask": "Удалить сводку {number} ({time} {days})?",
    "digest.delete_yes": "🗑 Удалить",
    "digest.back": "⬅️ Назад",
    "digest.deleted": "Сводка удалена.",
    "digest.gone": "Этой сводки уже нет.",
    "digest.no_tracker": "Сначала подключите трекер: /connect",
    "digest.ask_time": "<b>🕘 Во сколько?</b> Нажмите или напишите ЧЧ:ММ (например, 08:30).",
    "digest.bad_time": "«{value}» — не время суток. Напишите ЧЧ:ММ, например 09:00.",
    "digest.ask_days": "<b>📅 По каким дням?</b> В {time}.",
    "digest.days_every": "Каждый день",
    "digest.days_weekdays": "По будням",
    "digest.days_pick": "Выбрать дни…",
    "digest.days_done": "✅ Готово",
    "digest.days_pick_title": "<b>📅 Выберите дни</b> (нажатие включает и выключает)",
    "digest.days_none": "Выберите хотя бы один день",
    "digest.ask_timezone": (
        "<b>🌍 Какой часовой пояс?</b> Нажмите или напишите название, например Europe/Moscow."
    ),
    "digest.timezone_yours": "{timezone} (ваш)",
    "digest.bad_timezone": "«{value}» — не часовой пояс. Напишите вроде Europe/Moscow.",
    "digest.ask_tracker": "<b>📡 Какой трекер?</b>",
    "digest.tracker_active": "{name} (активный)",
    "digest.confirm": (
        "<b>🗓 Новая сводка</b>\n"
        "{time} {days} · {timezone}\n"
        "Трекер: {tracker}\n"
        "Что считать: {scope}\n"
        "Период: {period}\n"
        "Содержание: итоги с изменением{ranking}{chart}\n"
        "Куда: {target}"
    ),
    "digest.confirm_chart": ", график за 14 дней",
    "digest.confirm_ranking": ", лучшие и убыточные кампании",
    "digest.period_yesterday": "вчера",
    "digest.period_today": "сегодня на сейчас",
    "digest.toggle_chart_on": "📈 График: вкл",
    "digest.toggle_chart_off": "📈 График: выкл",
    "digest.toggle_ranking_on": "🏆 Лучшие и худшие: вкл",
    "digest.toggle_ranking_off": "🏆 Лучшие и худшие: выкл",
    "digest.toggle_period": "📆 Период: {period}",
    "digest.target_other": "🎯 Другой чат…",
    "digest.target_this": "🎯 Этот чат",
    "digest.save": "✅ Сохранить",
    "digest.ask_target": (
        "Пришлите id группового чата (например, -1001234567890). Вы должны быть там "
        "администратором, а бот — участником."
    ),
    "digest.bad_target": "«{value}» — не id чата: нужно число вроде -1001234567890.",
    "digest.target_not_admin": (
        "Вы не администратор чата {chat} (или бот его не видит). "
        "Попросите администратора или отправляйте сводку сюда."
    ),
    "digest.target_no_bot": "Бот не состоит в чате {chat}. Добавьте его туда и повторите.",
    "digest.saved": "✅ Сохранено. Следующая сводка: {when}.",
    "digest.resumed": "▶️ Возобновлена",
    "digest.paused": "⏸ На паузе",
    "digest.now_sending": "Отправляю сводку…",
    # что считает сводка
    "digest.scope_button": "🗂 Что считать: {scope}",
    "digest.scope_all": "всё",
    "digest.scope_title": (
        "<b>🗂 Что считать в сводке?</b>\n"
        "Сейчас: {scope}\n\n"
        "Весь трекер, одну группу кампаний или выбранные кампании."
    ),
    "digest.scope_everything": "🌐 Всё",
    "digest.scope_group": "🗂 Группу кампаний…",
    "digest.scope_campaigns": "☑️ Выбранные кампании…",
    "digest.scope_groups_title": "<b>🗂 Какую группу кампаний?</b> {tracker}{page}",
    "digest.scope_no_groups": (
        "В {tracker} нет групп кампаний. Выберите кампании или считайте всё."
    ),
    "digest.scope_campaigns_title": (
        "<b>☑️ Какие кампании?</b> {tracker} · выбрано: {chosen}{page}\n"
        "Нажатие выбирает или снимает выбор, затем «Готово»."
    ),
    "digest.scope_no_campaigns": "В {tracker} пока нет кампаний.",
    "digest.scope_done": "✅ Готово ({count})",
    "digest.scope_none": "Выберите хотя бы одну кампанию",
    "digest.scope_missing": "Этого уже нет в трекере: список обновлён.",
    "digest.scope_count": "{count:p:кампания|кампании|кампаний}",
    "digest.page": " · стр. {page} из {pages}",
    "digest.scope_failed": (
        "⚠️ Не удалось получить список из {tracker}:\n{reason}\n\n"
        "Настройки сводки сохранены: повторите или вернитесь назад."
    ),
    "digest.scope_reset": (
        "🗂 Сводка снова считает всё: группа или кампании были выбраны в другом трекере."
    ),
    "digest.tracker_gone": "Этот трекер больше не подключён.",
    # кнопки под пришедшей сводкой
    "digest.open_stats": "📊 Открыть статистику",
    "digest.pause_losing": "⏸ Убыточные на паузу ({count})",
    "digest.owner_only": "Ставить кампании на паузу из сводки может только её владелец.",
    "digest.pause_ask": "<b>⏸ Поставить на паузу убыточные кампании ({count})?</b>\n{title}",
    "digest.pause_more": "…и ещё {count}",
    "digest.pause_yes": "⏸ На паузу: {count}",
    "digest.pause_no": "✖️ Пусть работают",
    "digest.pause_nothing": "✅ Убыточных кампаний сейчас нет ({title}): ставить на паузу нечего.",
    "digest.pause_already": "Уже на паузе: {count}",
    "digest.pause_all_paused": "✅ Убыточные кампании ({count}) уже на паузе ({title}).",
    "digest.pause_failed": "⚠️ Не удалось получить цифры из {tracker}:\n{reason}",
    "digest.pause_done": "<b>⏸ На паузе {paused} из {count}</b>",
    "digest.pause_ok_line": "✅ {name}",
    "digest.pause_fail_line": "⚠️ {name}: {reason}",
    "digest.pause_kept": "Ничего не поставлено на паузу.",
    "digest.pause_stale": "Список устарел: вот он заново.",
    "digest.use_buttons": "Нажмите одну из кнопок выше; /cancel — выйти из диалога.",
    "digest.pause_undo": "↩️ Отменить",
    "digest.pause_undone": "<b>▶️ Снова работают {resumed} из {count}</b>",
}
