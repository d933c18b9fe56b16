"""English explanations of invalid values."""

TEXTS: dict[str, str] = {
    "v.missing": "this value is required",
    "v.number": "a number is needed, like 25 or 12,5",
    "v.bool": "yes or no is needed",
    "v.gt": "it must be more than {gt}",
    "v.ge": "it must be {ge} or more",
    "v.le": "it must be {le} or less",
    "v.lt": "it must be less than {lt}",
    "v.too_short": "it must be at least {min_length:p:character|characters}",
    "v.too_long": "it must be at most {max_length:p:character|characters}",
    "v.list_too_short": "at least {min_length} needed",
    "v.choice": "choose one of: {expected}",
    "v.pattern": "it does not have the expected form",
    "v.decimals": "at most {decimal_places:p:digit|digits} after the point",
    "v.list": "a list is needed",
    "v.object": "an object {{…}} is needed",
    "v.unknown_field": "there is no such field",
    "v.json": "that is not valid JSON",
    "v.other": "{message}",
}
