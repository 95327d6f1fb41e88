"""Exercises: predict first, then read the answer (see docs/contributing*.md for the syntax).

An exercise in a page's Markdown::

    ::: exercise plateau-z6 How long is the plateau?
    The question, any Markdown: math, {{ num ... }} placeholders.

    = analysis plateau.quadratic.z6.trainer .0f ± 1%
    low :: hint shown when the typed number is too small
    high :: hint shown when it is too large
    near analysis plateau.quadratic.z6.trainer * 2 :: hint for one known wrong answer
    ::: solution
    The worked solution, any Markdown.
    :::

or, instead of the `=` line, options (`[x]` marks the right one, `:: hint` follows a wrong one)::

    - [ ] an option :: why it is not this one
    - [x] the right option

This hook turns the block into plain HTML (md_in_html) that reads well without JavaScript:
the question, the options as a lettered list, and `<details class="exercise-answer">` holding
the answer and the solution.  docs/assets/exercises.js then adds the input (a number box or
radio buttons), checks the reader's answer against `data-answer` (the trainer's value, read
here from the same JSON as `{{ num }}`) and shows a hint or opens the solution.
It runs before hooks/placeholders.py, which expands the `{{ num }}` it writes.
"""

import html
import re

from mkdocs.exceptions import PluginError

from hooks import placeholders  # sibling hook: the JSON lookup behind `{{ num }}`

START = re.compile(r"^::: exercise (?P<id>[a-z0-9][a-z0-9-]*)(?:[ \t]+(?P<title>\S.*?))?[ \t]*$")
SOLUTION = "::: solution"
END = ":::"
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
OPTION = re.compile(r"^- \[(?P<mark>[ xX])\] (?P<text>.+?)(?:\s+::\s+(?P<hint>.+))?$")
NUMBER = re.compile(
    r"^= (?P<scenario>\S+) (?P<path>\S+) (?P<spec>\S+) ± (?P<tol>[0-9.]+)(?P<pct>%?)$"
)
HINT = re.compile(r"^(?P<when>low|high|near (?P<spec>.+?)) :: (?P<text>.+)$")
NEAR = re.compile(
    r"^(?:(?P<literal>-?[0-9.]+)|(?P<scenario>\S+) (?P<path>\S+))(?: \* (?P<k>[0-9.]+))?$"
)
LETTERS = "ABCDEFGH"

TEXT = {
    "zh": {"exercise": "练习", "answer": "答案与解答", "is": "答案："},
    "en": {"exercise": "Exercise", "answer": "Answer and solution", "is": "Answer: "},
}


class ExerciseError(PluginError):
    pass


def _value(scenario, path):
    try:
        return placeholders.lookup(placeholders._load(scenario), path)
    except (KeyError, IndexError, ValueError, TypeError) as err:
        raise ExerciseError(f"no number at '{path}' in '{scenario}' ({err})") from None


def _near(spec):
    match = NEAR.match(spec)
    if not match:
        raise ExerciseError(f"bad 'near' value {spec!r} (a number, or scenario path [* k])")
    value = (
        float(match["literal"]) if match["literal"] else _value(match["scenario"], match["path"])
    )
    return value * float(match["k"] or 1)


def parse(block):
    """The lines between `::: exercise` and `::: solution` -> question, options, number, hints."""
    question, options, hints, number = [], [], [], None
    for line in block:
        if match := OPTION.match(line):
            options.append(
                {"right": match["mark"] != " ", "text": match["text"], "hint": match["hint"]}
            )
        elif match := NUMBER.match(line):
            if number:
                raise ExerciseError("two '=' answer lines")
            number = match.groupdict()
        elif match := HINT.match(line):
            hints.append(match.groupdict())
        else:
            question.append(line)
    if bool(options) == bool(number):
        raise ExerciseError("needs either options (- [ ] / - [x]) or one '=' answer line")
    if options and sum(o["right"] for o in options) != 1:
        raise ExerciseError("exactly one option must be marked [x]")
    if options and hints:
        raise ExerciseError("low/high/near hints belong to number answers")
    if options and len(options) > len(LETTERS):
        raise ExerciseError(f"at most {len(LETTERS)} options")
    return "\n".join(question).strip(), options, number, hints


def render(ex_id, title, block, solution, lang, number_in_page):
    question, options, number, hints = parse(block)
    text = TEXT[lang]
    esc = html.escape
    heading = f"{text['exercise']} {number_in_page}" + (
        ("：" if lang == "zh" else ": ") + title if title else ""
    )
    attrs = {"class": "exercise", "id": f"exercise-{ex_id}"}
    body = []
    if number:
        value = _value(number["scenario"], number["path"])
        tol = float(number["tol"])
        attrs |= {
            "data-kind": "number",
            "data-answer": repr(float(value)),
            "data-tolerance": f"{tol!r}{number['pct']}",
        }
        shown = f"{{{{ num {number['scenario']} {number['path']} {number['spec']} }}}}"
        for hint in hints:
            when = hint["when"]
            extra = ""
            if hint["spec"]:
                when = "near"
                extra = f' data-near="{_near(hint["spec"])!r}"'
            body.append(
                f'<div class="exercise-hint" data-when="{when}"{extra} hidden markdown="1">\n\n'
                f"{hint['text']}\n\n</div>"
            )
    else:
        right = next(i for i, o in enumerate(options) if o["right"])
        attrs |= {"data-kind": "choice", "data-answer": LETTERS[right]}
        shown = LETTERS[right]
        items = []
        for i, option in enumerate(options):
            items.append(
                f'<div class="exercise-option" data-option="{LETTERS[i]}" markdown="1">\n\n'
                f"**{LETTERS[i]}.** {option['text']}\n\n</div>"
            )
            if option["hint"]:
                body.append(
                    f'<div class="exercise-hint" data-when="{LETTERS[i]}" hidden markdown="1">'
                    f"\n\n{option['hint']}\n\n</div>"
                )
        question += '\n\n<div class="exercise-options" markdown="1">\n\n'
        question += "\n\n".join(items) + "\n\n</div>"
    open_tag = " ".join(f'{k}="{esc(v)}"' for k, v in attrs.items())
    return "\n".join(
        [
            f'<div {open_tag} markdown="1">',
            "",
            f"### {heading} {{#exercise-{ex_id}-title}}",
            "",
            question,
            "",
            *body,
            "",
            '<details class="exercise-answer" markdown="1">',
            f"<summary>{text['answer']}</summary>",
            "",
            f"**{text['is']}{shown}**",
            "",
            solution.strip(),
            "",
            "</details>",
            "",
            "</div>",
        ]
    )


def expand(markdown, lang, src_uri="page"):
    lines = markdown.split("\n")
    out, fence, count, seen = [], None, 0, set()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if fence:
            if line.strip().startswith(fence):
                fence = None
            out.append(line)
            continue
        if match := FENCE.match(line):
            fence = match[1]
            out.append(line)
            continue
        match = START.match(line)
        if not match:
            out.append(line)
            continue
        start = i
        try:
            block, solution, part = [], [], None
            while True:
                if i >= len(lines):
                    raise ExerciseError("no closing ':::'")
                line = lines[i]
                i += 1
                if line.strip() == SOLUTION and part is None:
                    part = solution
                elif line.strip() == END and part is solution:
                    break
                elif START.match(line) or line.strip() == SOLUTION:
                    raise ExerciseError("exercises cannot nest; solution given twice?")
                else:
                    (part if part is not None else block).append(line)
            if not "\n".join(solution).strip():
                raise ExerciseError("the solution is empty")
            if match["id"] in seen:
                raise ExerciseError("the id is used twice on this page")
            seen.add(match["id"])
            count += 1
            out.append(render(match["id"], match["title"], block, "\n".join(solution), lang, count))
        except ExerciseError as err:
            raise ExerciseError(
                f"{src_uri}: exercise '{match['id']}' (line {start}): {err}"
            ) from None
    return "\n".join(out)


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return expand(markdown, lang, page.file.src_uri)
