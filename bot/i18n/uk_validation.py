"""Ukrainian explanations of invalid values."""

TEXTS: dict[str, str] = {
    "v.missing": "це значення обов'язкове",
    "v.number": "потрібне число, наприклад 25 або 12,5",
    "v.bool": "потрібно «так» або «ні»",
    "v.gt": "має бути більше за {gt}",
    "v.ge": "має бути не менше {ge}",
    "v.le": "має бути не більше {le}",
    "v.lt": "має бути менше за {lt}",
    "v.too_short": "потрібно щонайменше {min_length:p:символ|символи|символів}",
    "v.too_long": "потрібно щонайбільше {max_length:p:символ|символи|символів}",
    "v.list_too_short": "потрібно щонайменше {min_length}",
    "v.choice": "оберіть одне з: {expected}",
    "v.pattern": "значення не того формату",
    "v.decimals": "щонайбільше {decimal_places:p:знак|знаки|знаків} після коми",
    "v.list": "потрібен список",
    "v.object": "потрібен об'єкт {{…}}",
    "v.unknown_field": "такого поля немає",
    "v.json": "це некоректний JSON",
    "v.other": "{message}",
}
