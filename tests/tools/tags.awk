# Is an HTML page well-formed as XML?  A check for machines without an XML
# parser: every tag is closed in order (or closes itself, as <meta/>), an
# attribute's value is quoted, & starts an entity (&amp; &lt; &gt; &quot;
# &apos; or &#N;), there is one root element, and no text is outside it
# but the <!DOCTYPE html> line.  Prints each problem with its line and
# exits 1 if there was one.  Usage: awk -f tags.awk PAGE
BEGIN {
	depth = 0
	bad = 0		# problems found; the first 20 are printed
}

function problem(what) {
	if (++bad <= 20)
		printf "line %d: %s\n", NR, what
}

{
	line = $0
	if (NR == 1 && line ~ /^<!DOCTYPE html>/)
		line = substr(line, 16)
	while (line != "") {
		i = index(line, "<")
		text = i ? substr(line, 1, i - 1) : line
		check_text(text)
		if (!i)
			break
		line = substr(line, i)
		j = index(line, ">")
		if (!j) {
			problem("a tag runs past the end of its line")
			break
		}
		tag(substr(line, 2, j - 2))
		line = substr(line, j + 1)
	}
}

function check_text(s) {
	check_entities(s)
	if (depth == 0 && s ~ /[^ \t]/)
		problem("text outside the root element")
}

function check_entities(s,    t) {
	t = s
	gsub(/&(amp|lt|gt|quot|apos|#[0-9]+);/, "", t)
	if (index(t, "&"))
		problem("a bare & in \"" s "\"")
	if (index(t, ">"))
		problem("a bare > in \"" s "\"")
}

function tag(s,    name, attrs, closing, selfclose, t) {
	closing = s ~ /^\//
	selfclose = s ~ /\/$/
	if (closing)
		s = substr(s, 2)
	if (selfclose)
		s = substr(s, 1, length(s) - 1)
	name = s
	sub(/[ \t].*/, "", name)
	attrs = substr(s, length(name) + 1)
	if (name !~ /^[a-zA-Z][a-zA-Z0-9-]*$/) {
		problem("a tag named \"" name "\"")
		return
	}
	# Every attribute is name="value".
	t = attrs
	while (sub(/^[ \t]+[a-zA-Z_:][a-zA-Z0-9_:.-]*="[^"]*"/, "", t))
		;
	if (t !~ /^[ \t]*$/)
		problem("an attribute not quoted in <" s ">")
	check_entities(attrs)
	if (closing) {
		if (depth == 0 || stack[depth] != name)
			problem("</" name "> closes <" stack[depth] ">")
		else
			depth--
		if (depth == 0)
			roots++
		return
	}
	if (selfclose) {
		if (depth == 0)
			problem("<" name "/> outside the root element")
		return
	}
	if (depth == 0 && roots > 0)
		problem("a second root element <" name ">")
	stack[++depth] = name
}

END {
	if (depth > 0)
		problem("<" stack[depth] "> is not closed")
	if (roots != 1)
		problem(roots + 0 " root elements")
	exit bad > 0
}
