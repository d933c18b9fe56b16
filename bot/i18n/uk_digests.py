"""Ukrainian texts of scheduled digests: the digest itself and the /digest dialog."""

TEXTS: dict[str, str] = {
    "digest.title.yesterday": "☀️ Вчора · {date} · {tracker}",
    "digest.title.today": "📊 Сьогодні станом на зараз · {date} · {tracker}",
    "digest.months": "січ лют бер квіт трав черв лип серп вер жовт лист груд",
    "digest.weekdays": "пн вт ср чт пт сб нд",
    "digest.late": "⏰ із запізненням: о {time} бот був недоступний",
    "digest.failed": "⚠️ Не вдалося отримати цифри з {tracker}:\n{reason}",
    "digest.chart_title": "Останні 14 днів, {tracker}",
    "digest.settings_button": "⚙️ Налаштування зведень",
    "digest.list_title": "<b>🗓 Ваші зведення</b>",
    "digest.list_empty": (
        "Зведень поки немає. Зведення приносить цифри за вчора (або за сьогодні станом на "
        "зараз) у чат у вибраний час."
    ),
    "digest.line": (
        "{number}. {icon} {time} {days} · {timezone} · {tracker}{scope} → {target}{chart}"
    ),
    "digest.line_scope": " · 🗂 {scope}",
    "digest.next": "   наступне: {when}",
    "digest.paused_line": "   ⏸ на паузі",
    "digest.target_here": "цей чат",
    "digest.target_chat": "чат {chat}",
    "digest.chart_on": " · 📈",
    "digest.every_day": "щодня",
    "digest.weekdays_only": "у будні",
    "digest.new": "➕ Нове зведення",
    "digest.pause": "⏸ {number}",
    "digest.resume": "▶️ {number}",
    "digest.delete": "🗑 {number}",
    "digest.edit": "✏️ {number}",
    "digest.delete_ask": "Видалити зведення {number} ({time} {days})?",
    "digest.delete_yes": "🗑 Видалити",
    "digest.back": "⬅️ Назад",
    "digest.deleted": "Зведення видалено.",
    "digest.gone": "Цього зведення вже немає.",
    "digest.no_tracker": "Спершу підключіть трекер: /connect",
    "digest.ask_time": "<b>🕘 О котрій?</b> Натисніть або напишіть ГГ:ХХ (наприклад, 08:30).",
    "digest.bad_time": "«{value}» — не час доби. Напишіть ГГ:ХХ, наприклад 09:00.",
    "digest.ask_days": "<b>📅 У які дні?</b> О {time}.",
    "digest.days_every": "Щодня",
    "digest.days_weekdays": "У будні",
    "digest.days_pick": "Обрати дні…",
    "digest.days_done": "✅ Готово",
    "digest.days_pick_title": "<b>📅 Оберіть дні</b> (натискання вмикає й вимикає)",
    "digest.days_none": "Оберіть хоча б один день",
    "digest.ask_timezone": (
        "<b>🌍 Який часовий пояс?</b> Натисніть або напишіть назву, наприклад Europe/Kyiv."
    ),
    "digest.timezone_yours": "{timezone} (ваш)",
    "digest.bad_timezone": "«{value}» — не часовий пояс. Напишіть на зразок Europe/Kyiv.",
    "digest.ask_tracker": "<b>📡 Який трекер?</b>",
    "digest.tracker_active": "{name} (активний)",
    "digest.confirm": (
        "<b>🗓 Нове зведення</b>\n"
        "{time} {days} · {timezone}\n"
        "Трекер: {tracker}\n"
        "Що рахувати: {scope}\n"
        "Період: {period}\n"
        "Зміст: підсумки зі змінами{ranking}{chart}\n"
        "Куди: {target}"
    ),
    "digest.confirm_chart": ", графік за 14 днів",
    "digest.confirm_ranking": ", найкращі та збиткові кампанії",
    "digest.period_yesterday": "вчора",
    "digest.period_today": "сьогодні станом на зараз",
    "digest.toggle_chart_on": "📈 Графік: увімк",
    "digest.toggle_chart_off": "📈 Графік: вимк",
    "digest.toggle_ranking_on": "🏆 Найкращі й найгірші: увімк",
    "digest.toggle_ranking_off": "🏆 Найкращі й найгірші: вимк",
    "digest.toggle_period": "📆 Період: {period}",
    "digest.target_other": "🎯 Інший чат…",
    "digest.target_this": "🎯 Цей чат",
    "digest.save": "✅ Зберегти",
    "digest.ask_target": (
        "Надішліть id групового чату (наприклад, -1001234567890). Ви маєте бути там "
        "адміністратором, а бот — учасником."
    ),
    "digest.bad_target": "«{value}» — не id чату: потрібне число на зразок -1001234567890.",
    "digest.target_not_admin": (
        "Ви не адміністратор чату {chat} (або бот його не бачить). "
        "Попросіть адміністратора або надсилайте зведення сюди."
    ),
    "digest.target_no_bot": "Бота немає в чаті {chat}. Додайте його туди й повторіть.",
    "digest.saved": "✅ Збережено. Наступне зведення: {when}.",
    "digest.resumed": "▶️ Відновлено",
    "digest.paused": "⏸ На паузі",
    "digest.now_sending": "Надсилаю зведення…",
    # що рахує зведення
    "digest.scope_button": "🗂 Що рахувати: {scope}",
    "digest.scope_all": "усе",
    "digest.scope_title": (
        "<b>🗂 Що рахувати у зведенні?</b>\n"
        "Зараз: {scope}\n\n"
        "Увесь трекер, одну групу кампаній або вибрані кампанії."
    ),
    "digest.scope_everything": "🌐 Усе",
    "digest.scope_group": "🗂 Групу кампаній…",
    "digest.scope_campaigns": "☑️ Вибрані кампанії…",
    "digest.scope_groups_title": "<b>🗂 Яку групу кампаній?</b> {tracker}{page}",
    "digest.scope_no_groups": (
        "У {tracker} немає груп кампаній. Оберіть кампанії або рахуйте все."
    ),
    "digest.scope_campaigns_title": (
        "<b>☑️ Які кампанії?</b> {tracker} · вибрано: {chosen}{page}\n"
        "Натискання вибирає або знімає вибір, потім «Готово»."
    ),
    "digest.scope_no_campaigns": "У {tracker} поки немає кампаній.",
    "digest.scope_done": "✅ Готово ({count})",
    "digest.scope_none": "Оберіть хоча б одну кампанію",
    "digest.scope_missing": "Цього вже немає в трекері: список оновлено.",
    "digest.scope_count": "{count:p:кампанія|кампанії|кампаній}",
    "digest.page": " · стор. {page} з {pages}",
    "digest.scope_failed": (
        "⚠️ Не вдалося отримати список із {tracker}:\n{reason}\n\n"
        "Налаштування зведення збережено: повторіть або поверніться назад."
    ),
    "digest.scope_reset": (
        "🗂 Зведення знову рахує все: групу або кампанії було вибрано в іншому трекері."
    ),
    "digest.tracker_gone": "Цей трекер більше не підключено.",
    # кнопки під надісланим зведенням
    "digest.open_stats": "📊 Відкрити статистику",
    "digest.pause_losing": "⏸ Збиткові на паузу ({count})",
    "digest.owner_only": "Ставити кампанії на паузу зі зведення може лише його власник.",
    "digest.pause_ask": "<b>⏸ Поставити на паузу збиткові кампанії ({count})?</b>\n{title}",
    "digest.pause_more": "…і ще {count}",
    "digest.pause_yes": "⏸ На паузу: {count}",
    "digest.pause_no": "✖️ Хай працюють",
    "digest.pause_nothing": (
        "✅ Збиткових кампаній зараз немає ({title}): ставити на паузу нічого."
    ),
    "digest.pause_already": "Уже на паузі: {count}",
    "digest.pause_all_paused": "✅ Збиткові кампанії ({count}) уже на паузі ({title}).",
    "digest.pause_failed": "⚠️ Не вдалося отримати цифри з {tracker}:\n{reason}",
    "digest.pause_done": "<b>⏸ На паузі {paused} з {count}</b>",
    "digest.pause_ok_line": "✅ {name}",
    "digest.pause_fail_line": "⚠️ {name}: {reason}",
    "digest.pause_kept": "Нічого не поставлено на паузу.",
    "digest.pause_stale": "Список застарів: ось він знову.",
    "digest.use_buttons": "Натисніть одну з кнопок вище; /cancel — вийти з діалогу.",
    "digest.pause_undo": "↩️ Скасувати",
    "digest.pause_undone": "<b>▶️ Знову працюють {resumed} з {count}</b>",
}
