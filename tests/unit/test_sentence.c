/*
 * Unit tests for lib/sentence.c: each case is a paragraph and the sentences
 * sent_split must make of it, joined by '|'.  Many come from the bundled
 * corpus; the rest exercise each rule of sentence.c, including things that
 * must not split.  Then sent_para_continues, the abbreviation list and a
 * long paragraph.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "reference.h"
#include "sentence.h"
#include "unit.h"

struct split_case {
	const char *in;
	const char *want;	/* sentences joined by '|' */
};

static const struct split_case cases[] = {
	/* Plain terminal marks. */
	{ "One. Two.", "One.|Two." },
	{ "Is it? Yes! Good.", "Is it?|Yes!|Good." },
	{ "What?! Really?!", "What?!|Really?!" },
	{ "Stop!!! Now.", "Stop!!!|Now." },
	{ "No terminal mark at all", "No terminal mark at all" },
	{ "One sentence.", "One sentence." },
	{ "", "" },
	{ "   \n\t  ", "" },
	{ "  Leading and trailing.  ", "Leading and trailing." },
	{ "a ", "a" },
	{ "Thank you ", "Thank you" },
	{ "Thank you \n", "Thank you" },
	{ "Tabs\tand\t\tspaces  here. Next\none.",
	  "Tabs and spaces here.|Next one." },
	{ "No\xC2\xA0" "break\xE2\x80\x83space. Em\xE2\x80\x82space.",
	  "No break space.|Em space." },
	{ "Ideographic\xE3\x80\x80space. Ok.", "Ideographic space.|Ok." },
	{ "Line\xE2\x80\xA8separator. Here.", "Line separator.|Here." },
	{ "It was 2017. 25 people died.", "It was 2017.|25 people died." },
	{ "Why? 25 people died.", "Why?|25 people died." },
	{ "He left. £5 was missing.", "He left.|£5 was missing." },
	{ "Oh . The end.", "Oh .|The end." },
	/* Lower case after a mark does not split. */
	{ "\"Why?\" she asked.", "\"Why?\" she asked." },
	{ "“Why?” she asked. He said nothing.",
	  "“Why?” she asked.|He said nothing." },
	{ "\"Stop!\" he shouted, and ran.", "\"Stop!\" he shouted, and ran." },
	{ "It was 5 p.m. on Monday.", "It was 5 p.m. on Monday." },
	{ "He said yes. and then left.", "He said yes. and then left." },
	{ "A special thank you - who haven't always had plaudits! - but "
	  "your role is fundamental.",
	  "A special thank you - who haven't always had plaudits! - but "
	  "your role is fundamental." },
	{ "Really? – well, yes.", "Really? – well, yes." },
	{ "Hello! – The end.", "Hello!|– The end." },
	{ "Wait... , then go.", "Wait... , then go." },
	/* Closing quotes and brackets stay with their sentence. */
	{ "He said \"go.\" Then he left.", "He said \"go.\"|Then he left." },
	{ "He said “go.” Then he left.", "He said “go.”|Then he left." },
	{ "He asked ‘why?’ Nobody knew.", "He asked ‘why?’|Nobody knew." },
	{ "(This is aside.) Back to it.", "(This is aside.)|Back to it." },
	{ "It rose (by 5%.) Then fell.", "It rose (by 5%.)|Then fell." },
	{ "He wrote “Stop!”) and left. Next.",
	  "He wrote “Stop!”) and left.|Next." },
	{ "She said: “No.” He agreed.", "She said: “No.”|He agreed." },
	{ "He said “the police are the public”. All police work.",
	  "He said “the police are the public”.|All police work." },
	{ "It was \"homegrown\". Many agreed.",
	  "It was \"homegrown\".|Many agreed." },
	/* Sentences opening with quotes, brackets, digits. */
	{ "End. \"Quoted start.\" Next.", "End.|\"Quoted start.\"|Next." },
	{ "End. (Bracketed start.) Next.", "End.|(Bracketed start.)|Next." },
	{ "End. [Editor's note.] Next.", "End.|[Editor's note.]|Next." },
	{ "End. 17 weeks passed.", "End.|17 weeks passed." },
	{ "End. ‘Single quoted.’ Next.", "End.|‘Single quoted.’|Next." },
	/* A quote after a colon. */
	{ "He said: \"Today we face a threat at home.\" He went on.",
	  "He said: \"Today we face a threat at home.\"|He went on." },
	{ "The rule is: Never give up.", "The rule is: Never give up." },
	{ "Note: This matters. Next.", "Note: This matters.|Next." },
	/* Titles never end a sentence. */
	{ "Mr. Smith went to Washington.", "Mr. Smith went to Washington." },
	{ "Mrs. Jones and Ms. Brown met Dr. Who.",
	  "Mrs. Jones and Ms. Brown met Dr. Who." },
	{ "Prof. Green spoke. Then Sgt. Pepper sang.",
	  "Prof. Green spoke.|Then Sgt. Pepper sang." },
	{ "The Rt. Hon. Sajid Javid MP spoke.",
	  "The Rt. Hon. Sajid Javid MP spoke." },
	{ "Gen. Smith, Col. Jones and Lt. Brown came.",
	  "Gen. Smith, Col. Jones and Lt. Brown came." },
	{ "Insp. Morse and Supt. Hastings. Det. Frost too.",
	  "Insp. Morse and Supt. Hastings.|Det. Frost too." },
	{ "Cllr. Ahmed voted. It passed.", "Cllr. Ahmed voted.|It passed." },
	{ "We went to St. Paul's. It was shut.",
	  "We went to St. Paul's.|It was shut." },
	{ "Capt. Kirk and Rev. Green.", "Capt. Kirk and Rev. Green." },
	{ "Mr Ali spoke. Mrs Ali did not.", "Mr Ali spoke.|Mrs Ali did not." },
	{ "MR. SMITH came.", "MR.|SMITH came." },
	{ "Sajid Javid MP. He spoke.", "Sajid Javid MP.|He spoke." },
	{ "Sir Craig Mackey, QPM, has agreed. Good.",
	  "Sir Craig Mackey, QPM, has agreed.|Good." },
	/* Latin and other never-final abbreviations. */
	{ "Use a tool, e.g. London Underground maps.",
	  "Use a tool, e.g. London Underground maps." },
	{ "E.g. This one. And that.", "E.g. This one.|And that." },
	{ "Big cities, i.e. London and Paris, grew.",
	  "Big cities, i.e. London and Paris, grew." },
	{ "Smith vs. Jones was heard. It ended.",
	  "Smith vs. Jones was heard.|It ended." },
	{ "Smith v. Jones was heard.", "Smith v. Jones was heard." },
	{ "See cf. Table 2 below.", "See cf. Table 2 below." },
	{ "It costs approx. 5 pounds.", "It costs approx. 5 pounds." },
	{ "Approx. Ten people came.", "Approx. Ten people came." },
	{ "He lives in Co. Durham now.", "He lives in Co. Durham now." },
	/* Co. ends a sentence only before a common opener. */
	{ "They met Pitt, Briggs & Co. It closed yesterday.",
	  "They met Pitt, Briggs & Co.|It closed yesterday." },
	{ "They met Pitt, Briggs & Co. Durham staff.",
	  "They met Pitt, Briggs & Co. Durham staff." },
	/* etc., a.m. and the like may end a sentence. */
	{ "Knives, cars etc. The list goes on.",
	  "Knives, cars etc.|The list goes on." },
	{ "Knives, cars etc. and more.", "Knives, cars etc. and more." },
	{ "Knives, cars, etc., were used.", "Knives, cars, etc., were used." },
	{ "We met at 9 a.m. The talks ran late.",
	  "We met at 9 a.m.|The talks ran late." },
	{ "We met at 9 a.m. and left.", "We met at 9 a.m. and left." },
	{ "It ended at 5 p.m. Everyone left.",
	  "It ended at 5 p.m.|Everyone left." },
	{ "It ended at 5 P.M. on the day.", "It ended at 5 P.M. on the day." },
	{ "He joined Acme Ltd. The firm grew.",
	  "He joined Acme Ltd.|The firm grew." },
	{ "Acme Inc. and Acme Ltd. merged.",
	  "Acme Inc. and Acme Ltd. merged." },
	{ "He works for Acme Corp. Our rival.",
	  "He works for Acme Corp.|Our rival." },
	{ "Smith et al. Their study was wrong.",
	  "Smith et al.|Their study was wrong." },
	{ "Smith et al. (2019) found it.", "Smith et al. (2019) found it." },
	{ "Martin Luther King Jr. He spoke.",
	  "Martin Luther King Jr.|He spoke." },
	/* No. and the like only before a number. */
	{ "He lives at No. 10 Downing Street.",
	  "He lives at No. 10 Downing Street." },
	{ "The answer was No. The vote failed.",
	  "The answer was No.|The vote failed." },
	{ "See Fig. 3 and Vol. 2 of it.", "See Fig. 3 and Vol. 2 of it." },
	{ "Find it at N\xC2\xB0. 1026.253.553. That is it.",
	  "Find it at N\xC2\xB0. 1026.253.553.|That is it." },
	{ "It was N\xC2\xBA. 4 on the list.",
	  "It was N\xC2\xBA. 4 on the list." },
	{ "See pp. 45-50 and p. 7.", "See pp. 45-50 and p. 7." },
	{ "Read Art. 50 again.", "Read Art. 50 again." },
	{ "Built ca. 1900 it stood.", "Built ca. 1900 it stood." },
	{ "It happened on Jan. 20, 2017.", "It happened on Jan. 20, 2017." },
	{ "On Sept. 11 it changed.", "On Sept. 11 it changed." },
	{ "It was Fri. 8 June.", "It was Fri. 8 June." },
	{ "He met Jan. The rest left.", "He met Jan.|The rest left." },
	{ "Call tel. 0800 123 456 now.", "Call tel. 0800 123 456 now." },
	/* Initials. */
	{ "J. K. Rowling wrote it.", "J. K. Rowling wrote it." },
	{ "George W. Bush spoke.", "George W. Bush spoke." },
	{ "The writer J.K. Rowling wrote it.",
	  "The writer J.K. Rowling wrote it." },
	{ "H. G. Wells and J. R. R. Tolkien met.",
	  "H. G. Wells and J. R. R. Tolkien met." },
	{ "We chose Plan B. The others did not.",
	  "We chose Plan B.|The others did not." },
	{ "Take vitamin C. It helps.", "Take vitamin C.|It helps." },
	{ "He is called J. A. Smith.", "He is called J. A. Smith." },
	{ "Initial É. Zola wrote.", "Initial É. Zola wrote." },
	/* Acronyms with dots. */
	{ "He lives in the U.K. The next day he left.",
	  "He lives in the U.K.|The next day he left." },
	{ "The U.S. Government agreed.", "The U.S. Government agreed." },
	{ "The U.S.A. is big. It is.", "The U.S.A. is big.|It is." },
	{ "Ask the U.N. We did.", "Ask the U.N.|We did." },
	{ "Made in the U.K. Today it is not.",
	  "Made in the U.K.|Today it is not." },
	{ "The U.K. Parliament sat. It rose.",
	  "The U.K. Parliament sat.|It rose." },
	{ "They went to the U.S. in 2017.", "They went to the U.S. in 2017." },
	{ "The U.K. It's big.", "The U.K.|It's big." },
	{ "The U.K. It’s big.", "The U.K.|It’s big." },
	/* Numbers, times, money. */
	{ "It rose 1.9 per cent. It fell.", "It rose 1.9 per cent.|It fell." },
	{ "It cost £2.5bn. Too much.", "It cost £2.5bn.|Too much." },
	{ "At 20:25 BST. Then 8.30pm came.",
	  "At 20:25 BST.|Then 8.30pm came." },
	{ "Pi is 3.14159 roughly.", "Pi is 3.14159 roughly." },
	{ "Version 2.0.1 is out. Upgrade.", "Version 2.0.1 is out.|Upgrade." },
	{ "We have 1,900 staff. Good.", "We have 1,900 staff.|Good." },
	{ "Attacks of 7/7 and 21/7. Grim.", "Attacks of 7/7 and 21/7.|Grim." },
	{ "Up 22%. Down 3.5%. Flat.", "Up 22%.|Down 3.5%.|Flat." },
	{ "It is .5 of it.", "It is .5 of it." },
	/* URLs, e-mail, file names. */
	{ "See www.gov.uk/contest for more.",
	  "See www.gov.uk/contest for more." },
	{ "Visit www.gov.uk. Then apply.", "Visit www.gov.uk.|Then apply." },
	{ "Go to https://example.org/a.b?c=D.E today.",
	  "Go to https://example.org/a.b?c=D.E today." },
	{ "Write to name@example.org. We reply.",
	  "Write to name@example.org.|We reply." },
	{ "Write to j.smith@example.co.uk today.",
	  "Write to j.smith@example.co.uk today." },
	{ "Open report.Final.pdf now.", "Open report.Final.pdf now." },
	{ "Edit config.txt. Save it.", "Edit config.txt.|Save it." },
	{ "See gov.uk. Ministers agree.", "See gov.uk.|Ministers agree." },
	/* Ellipses. */
	{ "Daddy… if I draw a cartoon, will they kill me too?",
	  "Daddy… if I draw a cartoon, will they kill me too?" },
	{ "It developed since… All of this means more.",
	  "It developed since…|All of this means more." },
	{ "Wait... what? No... Yes.", "Wait... what?|No...|Yes." },
	{ "And so on . . . and on.", "And so on . . . and on." },
	{ "why it had happened …", "why it had happened …" },
	{ "why it had happened … And then.",
	  "why it had happened …|And then." },
	{ "… and so it went.", "… and so it went." },
	{ "Count 1, 2 … 10 slowly.", "Count 1, 2 … 10 slowly." },
	{ "about PREVENT as a brand.....What I can say is this.",
	  "about PREVENT as a brand.....|What I can say is this." },
	{ "She paused…“No,” she said.", "She paused…|“No,” she said." },
	{ "He trailed off...\"Never mind.\"",
	  "He trailed off...|\"Never mind.\"" },
	{ "He trailed off…” Then he left.", "He trailed off…”|Then he left." },
	{ "It ended…”Then he left.", "It ended…”|Then he left." },
	{ "etc..And", "etc..And" },
	/* Omissions in square brackets end nothing. */
	{ "\"Bohr [...] used the stairways [...]\" (Smith 55).",
	  "\"Bohr [...] used the stairways [...]\" (Smith 55)." },
	{ "He said [\xE2\x80\xA6] Then he left.",
	  "He said [\xE2\x80\xA6] Then he left." },
	/* Spaced ellipses: three dots inside, four at the end. */
	{ "The thing is . . . I did not mean it.",
	  "The thing is . . . I did not mean it." },
	{ "End with a period . . . . Next sentence.",
	  "End with a period . . . .|Next sentence." },
	{ "It combined compounds. . . . The practice was dropped. . . .",
	  "It combined compounds.|. . . The practice was dropped. . . ." },
	{ "It combined compounds. . . . the practice went on.",
	  "It combined compounds. . . . the practice went on." },
	{ "Oh . . The end.", "Oh . .|The end." },
	{ "a…Bc", "a…|Bc" },
	/* Unicode case. */
	{ "Il part. École fermée.", "Il part.|École fermée." },
	{ "Он ушёл. Женя остался.", "Он ушёл.|Женя остался." },
	{ "Τέλος. Σήμερα όχι.", "Τέλος.|Σήμερα όχι." },
	{ "Fin. élan continues.", "Fin. élan continues." },
	{ "終わり。次の文。", "終わり。次の文。" },
	{ "End. 次の文.", "End.|次の文." },
	/* Bullets and list markers at line start. */
	{ "This legislation will:\n• amend offences\n• strengthen sentencing",
	  "This legislation will:|• amend offences|• strengthen sentencing" },
	{ "Items:\n- Pursue - to stop attacks\n- Protect - to strengthen\n"
	  "- And Prevent - to stop people",
	  "Items:|- Pursue - to stop attacks|- Protect - to strengthen|"
	  "- And Prevent - to stop people" },
	{ "•amend offences\n•strengthen sentencing",
	  "•amend offences|•strengthen sentencing" },
	{ "· one\n· two", "· one|· two" },
	{ "* one\n* two", "* one|* two" },
	{ "Steps:\n– first\n– second", "Steps:|– first|– second" },
	{ "Steps:\n1. Pursue\n2. Protect\n3. Prevent",
	  "Steps:|1. Pursue|2. Protect|3. Prevent" },
	{ "Steps:\n1) Pursue\n2) Protect", "Steps:|1) Pursue|2) Protect" },
	{ "Steps:\n(a) pursue\n(b) protect", "Steps:|(a) pursue|(b) protect" },
	{ "Steps:\na) pursue\nb) protect", "Steps:|a) pursue|b) protect" },
	{ "Steps:\ni. pursue\nii. protect\niii. prevent",
	  "Steps:|i. pursue|ii. protect|iii. prevent" },
	{ "Steps:\n(iv) pursue\n(v) protect",
	  "Steps:|(iv) pursue|(v) protect" },
	{ "We must act\n• now\n• together", "We must act|• now|• together" },
	{ "1. First point.\n2. Second point.",
	  "1. First point.|2. Second point." },
	{ "• One. Two.\n• Three", "• One.|Two.|• Three" },
	{ "Steps:\n1.) Pursue\n2.) Protect", "Steps:|1.) Pursue|2.) Protect" },
	/* List items run together on one line. */
	{ "1. The first item 2. The second item",
	  "1. The first item|2. The second item" },
	{ "1.) The first item. 2.) The second item.",
	  "1.) The first item.|2.) The second item." },
	{ "1) The first item 2) The second item",
	  "1) The first item|2) The second item" },
	{ "a. The first item b. The second item c. The third",
	  "a. The first item|b. The second item|c. The third" },
	{ "\xE2\x80\xA2 9. The first item \xE2\x80\xA2 10. The second item",
	  "\xE2\x80\xA2 9. The first item|\xE2\x80\xA2 10. The second item" },
	{ "\xE2\x81\x83" "9. The first \xE2\x81\x83" "10. The second",
	  "\xE2\x81\x83" "9. The first|\xE2\x81\x83" "10. The second" },
	{ "1. Costs rose by 3. Then 2 fell.",
	  "1. Costs rose by 3.|Then 2 fell." },
	{ "1. Costs rose by 2.", "1. Costs rose by 2." },
	{ "1) Costs rose, a) here b) there.",
	  "1) Costs rose, a) here b) there." },
	{ "He scored 1. Then 2. Then 3.", "He scored 1.|Then 2.|Then 3." },
	{ "Blog post \xC2\xA0 • \xC2\xA0 Jul 20, 2017 20:25 BST",
	  "Blog post • Jul 20, 2017 20:25 BST" },
	/* Dashes and numbers in wrapped prose are not list markers. */
	{ "The review must focus on criminal activity that is on the rise\n"
	  "– such as fraud and county lines, as well as other issues.",
	  "The review must focus on criminal activity that is on the rise "
	  "– such as fraud and county lines, as well as other issues." },
	{ "The strategy was published and the number of plots foiled was\n"
	  "25. That is a lot of plots for one year in this country.",
	  "The strategy was published and the number of plots foiled was "
	  "25.|That is a lot of plots for one year in this country." },
	{ "We have seen many attacks over the years and the numbers are\n"
	  "- sadly - rising again in this country and elsewhere too.",
	  "We have seen many attacks over the years and the numbers are "
	  "- sadly - rising again in this country and elsewhere too." },
	/* Line breaks in wrapped prose are white space. */
	{ "Although we are leaving\nthe EU, we are not leaving Europe.",
	  "Although we are leaving the EU, we are not leaving Europe." },
	{ "In the heart of the City of London we met the Commissioner of\n"
	  "the City of London police who is here tonight and the Lord\n"
	  "Mayor of London who is also here tonight with his guests.",
	  "In the heart of the City of London we met the Commissioner of "
	  "the City of London police who is here tonight and the Lord "
	  "Mayor of London who is also here tonight with his guests." },
	{ "We were joined tonight by many old friends and by my colleague\n"
	  "Andrew Parker who leads the security service with great skill.",
	  "We were joined tonight by many old friends and by my colleague "
	  "Andrew Parker who leads the security service with great skill." },
	{ "I met Mr\nSmith there.", "I met Mr Smith there." },
	{ "They met in London,\nParis and Rome.",
	  "They met in London, Paris and Rome." },
	{ "End of one.\nStart of two.", "End of one.|Start of two." },
	/* Headings and short lines. */
	{ "Counter-terrorism strategy", "Counter-terrorism strategy" },
	{ "Home Office\nThe Rt Hon Sajid Javid MP",
	  "Home Office|The Rt Hon Sajid Javid MP" },
	{ "Counter-terrorism strategy\nThe threat from terrorism is shifting "
	  "and evolving in the UK and globally.",
	  "Counter-terrorism strategy|The threat from terrorism is shifting "
	  "and evolving in the UK and globally." },
	{ "Introduction\nWe begin here.", "Introduction|We begin here." },
	{ "10 Downing Street\nLondon\nSW1A 2AA",
	  "10 Downing Street|London|SW1A 2AA" },
	{ "Speech\n2017 was a bad year.", "Speech|2017 was a bad year." },
	{ "[The Lord Mayor and the Commissioner at Mansion House]",
	  "[The Lord Mayor and the Commissioner at Mansion House]" },
	{ "Sadiq Khan Speech at One Great George Street: Monday March 20, 2016",
	  "Sadiq Khan Speech at One Great George Street: Monday March 20, "
	  "2016" },
	/* From the corpus. */
	{ "It may not be a surprise, but luckily the Met agreed to take me! "
	  "And I have had nearly 35 happy years in policing.",
	  "It may not be a surprise, but luckily the Met agreed to take me!|"
	  "And I have had nearly 35 happy years in policing." },
	{ "including here at the Mansion House, Lord Mayor! The first 12 "
	  "detectives were recruited and the team reported directly to the "
	  "Home Secretary!",
	  "including here at the Mansion House, Lord Mayor!|The first 12 "
	  "detectives were recruited and the team reported directly to the "
	  "Home Secretary!" },
	{ "Finally, PREVENT, this has always been the hardest P. How do you "
	  "stop vulnerable people being radicalised? How do you counter it?",
	  "Finally, PREVENT, this has always been the hardest P.|How do you "
	  "stop vulnerable people being radicalised?|How do you counter it?" },
	{ "But does it feel like we have changed as a country as a result? No.",
	  "But does it feel like we have changed as a country as a result?|"
	  "No." },
	{ "Facebook took action against 1.9 million pieces of Daesh and "
	  "Al-Qa’ida content.",
	  "Facebook took action against 1.9 million pieces of Daesh and "
	  "Al-Qa’ida content." },
	{ "She said, and I quote, “the terror attack changed this "
	  "neighbourhood forever but not in the way the terrorists had "
	  "planned. This community is going to carry on.”",
	  "She said, and I quote, “the terror attack changed this "
	  "neighbourhood forever but not in the way the terrorists had "
	  "planned.|This community is going to carry on.”" },
	{ "He went on: \"Even three years ago we could not have predicted "
	  "how it has developed since… All of this means that the threat is "
	  "new.\"",
	  "He went on: \"Even three years ago we could not have predicted "
	  "how it has developed since…|All of this means that the threat is "
	  "new.\"" },
	{ "We are still at a SEVERE threat level (meaning an attack is highly "
	  "likely) in relation to international terrorism. But undoubtedly, "
	  "it has increased.",
	  "We are still at a SEVERE threat level (meaning an attack is highly "
	  "likely) in relation to international terrorism.|But undoubtedly, "
	  "it has increased." },
	{ "As Sir Robert Peel said \"the police are the public, and the public "
	  "are the police\". All police work in the UK depends on it.",
	  "As Sir Robert Peel said \"the police are the public, and the public "
	  "are the police\".|All police work in the UK depends on it." },
	{ "I was so struck by the dignity of the family of Mr Ali; I was so "
	  "struck by the calm.",
	  "I was so struck by the dignity of the family of Mr Ali; I was so "
	  "struck by the calm." },
	{ "In 2015-2016 PREVENT stopped more than 50 individuals travelling "
	  "to Syria. It's also worth noting.",
	  "In 2015-2016 PREVENT stopped more than 50 individuals travelling "
	  "to Syria.|It's also worth noting." },
	{ "It prompted a fundamental review of the UK’s counter-terrorism "
	  "strategy – CONTEST – to respond. The result is new.",
	  "It prompted a fundamental review of the UK’s counter-terrorism "
	  "strategy – CONTEST – to respond.|The result is new." },
	{ "And there’s one other thing that Islamists and the far right have "
	  "in common …",
	  "And there’s one other thing that Islamists and the far right have "
	  "in common …" },
	{ "Our emergency services do an incredible job.  ",
	  "Our emergency services do an incredible job." },
	{ "That’s why in 2016, we proscribed National Action. A year later, "
	  "we banned their aliases.",
	  "That’s why in 2016, we proscribed National Action.|A year later, "
	  "we banned their aliases." },
	{ "This has 3 key messages that I would like to share: we will be "
	  "international, we will be on the cutting-edge.",
	  "This has 3 key messages that I would like to share: we will be "
	  "international, we will be on the cutting-edge." },
	{ "the hundreds at Borough Market (Met, City of London and BTP) using "
	  "skills. This preparedness comes from years of investment.",
	  "the hundreds at Borough Market (Met, City of London and BTP) using "
	  "skills.|This preparedness comes from years of investment." },
	{ "I am delighted that Sir Craig Mackey, QPM, has agreed to lead this. "
	  "His wide experience is the perfect foundation.",
	  "I am delighted that Sir Craig Mackey, QPM, has agreed to lead this.|"
	  "His wide experience is the perfect foundation." },
	{ "As Jonathan Evans said, \"knowing who someone is, is not the same "
	  "as knowing what they are going to do\". We have had many.",
	  "As Jonathan Evans said, \"knowing who someone is, is not the same "
	  "as knowing what they are going to do\".|We have had many." },
	/*
	 * The fast path for runs of plain words (plain_run in sentence.c):
	 * a run ending at each kind of byte, at the paragraph's end, at a
	 * line break before a list marker, and sentence ends it must leave
	 * to the general rules (initials, abbreviations, markers, digits).
	 */
	{ "one two three. Four five",
	  "one two three.|Four five" },
	{ "one two three.Four five",
	  "one two three.Four five" },
	{ "one two caf\xC3\xA9" " three. Four",
	  "one two caf\xC3\xA9" " three.|Four" },
	{ "one two  three. Four five",
	  "one two three.|Four five" },
	{ "one two three",
	  "one two three" },
	{ "one two three.",
	  "one two three." },
	{ "one two three!",
	  "one two three!" },
	{ "one two three)",
	  "one two three)" },
	{ "one two\nthree four. Five six\nseven.",
	  "one two three four.|Five six seven." },
	{ "we went on and on until we\na) came home b) slept",
	  "we went on and on until we|a) came home|b) slept" },
	{ "Two things:\na) first one\nb) second one",
	  "Two things:|a) first one|b) second one" },
	{ "stronger than I. Bring it",
	  "stronger than I. Bring it" },
	{ "it cost more etc. The end",
	  "it cost more etc.|The end" },
	{ "Home and more etc. The end",
	  "Home and more etc.|The end" },
	{ "see the list. a. first b. second",
	  "see the list. a. first b. second" },
	{ "why me? And you! Then home",
	  "why me?|And you!|Then home" },
	{ "one two three.\nFour five",
	  "one two three.|Four five" },
	{ "one two three?\nFour five",
	  "one two three?|Four five" },
	{ "one two three.\nA) five six",
	  "one two three.|A) five six" },
	{ "one two three.\nA. five six",
	  "one two three.|A. five six" },
	{ "one two\xC2\xA0" "three. Four",
	  "one two three.|Four" },
	{ "one two (see above). Next one",
	  "one two (see above).|Next one" },
	{ "Mr. Smith went. He left",
	  "Mr. Smith went.|He left" },
	{ "a. The first item is long",
	  "a. The first item is long" },
	{ "one two three \nfour five",
	  "one two three four five" },
	{ "end with space ",
	  "end with space" },
	{ "one two three. . . Four",
	  "one two three. . .|Four" },
	{ "one two three... Four",
	  "one two three...|Four" },
	{ "going on\n- three four\n- five six",
	  "going on|- three four|- five six" },
	{ "the U.K. The next",
	  "the U.K.|The next" },
	{ "in 2017. 25 people",
	  "in 2017.|25 people" },
	{ "no. The answer",
	  "no.|The answer" },
	{ "the house. 5 rooms",
	  "the house.|5 rooms" },
	{ "the house was big and old and then\nsuddenly it fell. Everyone ran",
	  "the house was big and old and then suddenly it fell.|Everyone ran" },
	{ "the house was big and old and then\ni. we ran",
	  "the house was big and old and then|i. we ran" },
	{ "one two three\xE2\x80\xA6" " Four",
	  "one two three\xE2\x80\xA6" "|Four" },
	{ "tabs\tbetween words. Next one",
	  "tabs between words.|Next one" },
	{ "brand.....What next",
	  "brand.....|What next" },

	/*
	 * Edges of the fast path for running text: sentence ends after
	 * words with quotes, initials and abbreviations; blanks other than
	 * one space; line breaks before capitals, dashes and list markers
	 * (a dash line after a full stop marks its line, so a weak marker
	 * on the next one starts an item).
	 */
	{ "Some long text here that goes on and on for a while.\n-- a and some more words after it so the line is long\n- b c",
	  "Some long text here that goes on and on for a while.|-- a and some more words after it so the line is long|- b c" },
	{ "He said no.\n\t\t-- Mark Twain",
	  "He said no.|-- Mark Twain" },
	{ "He said no.\n--\nNext line here",
	  "He said no.|-- Next line here" },
	{ "Word.\n---- Four dashes line",
	  "Word.|---- Four dashes line" },
	{ "End.\n-\tTab after dash. Then more",
	  "End.|- Tab after dash.|Then more" },
	{ "Here am I. And he said. Here am I. Then he said.",
	  "Here am I.|And he said.|Here am I.|Then he said." },
	{ "J. K. Rowling wrote. It sold.",
	  "J. K. Rowling wrote.|It sold." },
	{ "Briggs & Co. It closed. Co. Durham is here.",
	  "Briggs & Co.|It closed.|Co. Durham is here." },
	{ "The LORD's. And he went. My sons'. Then.",
	  "The LORD's.|And he went.|My sons'.|Then." },
	{ "(see above). Then more. \"(x. The y.",
	  "(see above).|Then more. \"(x.|The y." },
	{ "Mr.  Smith went.  Then he left.\tThe end.",
	  "Mr. Smith went.|Then he left.|The end." },
	{ "End.\tNext one.\n\tIndented line.\nlower case goes on",
	  "End.|Next one.|Indented line. lower case goes on" },
	{ "Why? she asked. Fine.  done here! and so on",
	  "Why? she asked.|Fine. done here! and so on" },
	{ "short line\nCapital next line that is much longer than the first one was\nand more",
	  "short line|Capital next line that is much longer than the first one was and more" },
	{ "a line ending with comma,\nCapital continues here on a longer line than before",
	  "a line ending with comma, Capital continues here on a longer line than before" },
	{ "word \nNext line with trailing space before break and more words to make it long",
	  "word|Next line with trailing space before break and more words to make it long" },
	{ "I. B. M. Then. A. The.",
	  "I. B. M.|Then.|A.|The." },
	{ "No. 10 and No. Then. etc. The end. etc. the end. Inc. Today.",
	  "No. 10 and No.|Then. etc.|The end. etc. the end.|Inc.|Today." },
	{ "\"Quoted.\" Next. 'Single.' Next.",
	  "\"Quoted.\"|Next.|'Single.'|Next." },
	{ "Tabs\there  and  there. Then\t\tmore",
	  "Tabs here and there.|Then more" },
	{ "CHAPTER 1\nIn the beginning",
	  "CHAPTER 1|In the beginning" },
	{ "*\nStar line. + plus",
	  "*|Star line.|+ plus" },
	{ "-- dash first. Then",
	  "-- dash first.|Then" },
	{ "a) first item\nb) second item",
	  "a) first item|b) second item" },
	/*
	 * Line breaks before a capital after lines longer than SHORT_LINE:
	 * deliberate only after a line short enough against the longest.
	 */
	{ "A line of running text that is long enough to wrap at some point\n"
	  "And the next line of it goes on and on for a while yet, doesn't it\n"
	  "Heading",
	  "A line of running text that is long enough to wrap at some point "
	  "And the next line of it goes on and on for a while yet, doesn't it "
	  "Heading" },
	{ "Home Office\nThe Rt Hon Sajid Javid MP said that the figures were "
	  "out\nToday",
	  "Home Office|The Rt Hon Sajid Javid MP said that the figures were "
	  "out Today" },
	{ "Short line\nAnother short one\nThird line here\nFourth",
	  "Short line|Another short one|Third line here|Fourth" },
	{ "A line of running text that is quite a bit longer than forty "
	  "characters\nShort\nThe next line",
	  "A line of running text that is quite a bit longer than forty "
	  "characters Short|The next line" },
	{ "A line of running text that is quite a bit longer than forty "
	  "chars\nA line that is only just under three quarters\nOf the "
	  "longest",
	  "A line of running text that is quite a bit longer than forty chars "
	  "A line that is only just under three quarters|Of the longest" },
	/* More lone line breaks in a sentence than the fast path notes. */
	{ "one two\nthree four\nfive six\nseven eight\nnine ten\neleven\n"
	  "twelve\nthirteen\nfourteen\nfifteen\nsixteen\nseventeen\n"
	  "eighteen\nnineteen. Twenty\none",
	  "one two three four five six seven eight nine ten eleven twelve "
	  "thirteen fourteen fifteen sixteen seventeen eighteen nineteen.|"
	  "Twenty one" },
	{ "one\n two\n\tthree\nfour  five\nsix\nseven\neight (nine)",
	  "one two three four five six seven eight (nine)" },
	{ "Caf\xC3\xA9 au lait and other things that are longer than forty "
	  "bytes\nSo the next line starts with a capital\nThe end",
	  "Caf\xC3\xA9 au lait and other things that are longer than forty "
	  "bytes So the next line starts with a capital|The end" },
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

struct collected {
	char buf[4096];
	size_t len;
	int sentences;
	int bad;	/* an empty sentence, or stray white space */
};

static void
collect(void *arg, const char *s, size_t n)
{
	struct collected *c = arg;
	size_t i;

	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ')
		c->bad = 1;
	for (i = 0; i < n; i++)
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
		    (s[i] == ' ' && i > 0 && s[i - 1] == ' '))
			c->bad = 1;
	if (c->sentences++ > 0 && c->len < sizeof(c->buf) - 1)
		c->buf[c->len++] = '|';
	if (n > sizeof(c->buf) - 1 - c->len)
		n = sizeof(c->buf) - 1 - c->len;
	memcpy(c->buf + c->len, s, n);
	c->len += n;
	c->buf[c->len] = '\0';
}

/*
 * The paragraph is copied to a buffer of exactly its length, with no NUL
 * after it, so that under AddressSanitizer a read past its end fails.
 */
static void
split_into(const struct sent_abbrevs *ab, const char *in, struct collected *c)
{
	size_t len = strlen(in);
	char *exact = xmalloc(len);

	memcpy(exact, in, len);
	memset(c, 0, sizeof(*c));
	sent_split(ab, exact, len, collect, c);
	free(exact);
}

/* The bytes of the longest line of s, as sp-split counts them. */
static size_t
longest_line(const char *s)
{
	size_t longest = 0, n;

	for (;;) {
		n = strcspn(s, "\n");
		if (n > longest)
			longest = n;
		if (s[n] == '\0')
			return longest;
		s += n + 1;
	}
}

/*
 * Every case again with sent_split_bounded told the length of the longest
 * line, which lets it skip measuring the lines: the same sentences.
 */
static void
test_table(const struct sent_abbrevs *ab)
{
	struct collected c;
	char *exact;
	size_t i, len;

	for (i = 0; i < NCASES; i++) {
		split_into(ab, cases[i].in, &c);
		CHECK_STR(c.buf, cases[i].want);
		CHECK(!c.bad);
		memset(&c, 0, sizeof(c));
		len = strlen(cases[i].in);
		exact = xmalloc(len);
		memcpy(exact, cases[i].in, len);
		sent_split_bounded(ab, exact, len, longest_line(cases[i].in),
		    collect, &c);
		free(exact);
		CHECK_STR(c.buf, cases[i].want);
	}
}

/*
 * The fast path looks at 16 or 8 bytes at a time: a byte it must stop at,
 * at every place from the second to the 41st of a paragraph, is found
 * there, and so is the start of a word of 2 to 41 letters before it.  (One
 * letter and a dot would be a list marker.)
 */
static void
test_block_edges(void)
{
	static const struct {
		const char *stop, *want;	/* after the run of letters */
	} stops[] = {
		{ ". The end", ".|The end" },
		{ "  two blanks.", " two blanks." },
		{ "\tTAB.", " TAB." },
		{ "\nnew line.", " new line." },
		{ "! So", "!|So" },
		{ "? So", "?|So" },
		{ "\xC3\xA9t\xC3\xA9 here.", "\xC3\xA9t\xC3\xA9 here." },
		{ "\x01 control.", "\x01 control." },
		{ " word... Then", " word...|Then" },
		/* A paragraph that ends with one space (read past its end). */
		{ " ", "" },
		{ " word ", " word" },
		{ ". ", "." },
	};
	static const char *const before[] = { "", "Go ", "Go on and on " };
	char in[128], want[128];
	struct collected c;
	size_t i, j, k, b;

	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		for (j = 0; j < sizeof(before) / sizeof(before[0]); j++)
			for (k = 2; k <= 41; k++) {
				b = strlen(before[j]);
				memcpy(in, before[j], b);
				memset(in + b, 'a', k);
				strcpy(in + b + k, stops[i].stop);
				memcpy(want, before[j], b);
				memset(want + b, 'a', k);
				strcpy(want + b + k, stops[i].want);
				split_into(NULL, in, &c);
				CHECK_STR(c.buf, want);
			}
}

static void
test_user_abbrevs(void)
{
	struct sent_abbrevs *ab = sent_abbrevs_new();
	struct collected c;

	split_into(ab, "He is Asst. Commissioner now.", &c);
	CHECK_STR(c.buf, "He is Asst.|Commissioner now.");
	sent_abbrevs_add(ab, "Asst.", 5);
	sent_abbrevs_add(ab, "  Supp  ", 8);
	sent_abbrevs_add(ab, "", 0);
	sent_abbrevs_add(ab, ".", 1);
	sent_abbrevs_add(ab, "dept", 4);
	split_into(ab, "He is Asst. Commissioner now.", &c);
	CHECK_STR(c.buf, "He is Asst. Commissioner now.");
	split_into(ab, "See Supp. Table 4. It shows.", &c);
	CHECK_STR(c.buf, "See Supp. Table 4.|It shows.");
	split_into(ab, "The dept. Head spoke. Dept. Heads too.", &c);
	CHECK_STR(c.buf, "The dept. Head spoke.|Dept. Heads too.");
	split_into(NULL, "He is Asst. Commissioner now.", &c);
	CHECK_STR(c.buf, "He is Asst.|Commissioner now.");
	sent_abbrevs_free(ab);
	sent_abbrevs_free(NULL);
}

static int
continues(const char *prev, const char *next)
{
	return sent_para_continues(prev, strlen(prev), next, strlen(next));
}

static void
test_para_continues(void)
{
	/* The Security Minister's two stray blank lines. */
	CHECK(continues("Terrorists and criminals know no boundaries. We had "
	    "that brought into clear perspective. Although we are leaving",
	    "the EU, we are not leaving Europe."));
	CHECK(continues("The review will build on the Strategy that we "
	    "published a year ago, looking", "at the system, and the laws."));
	CHECK(continues("They call it ‘man made laws’", "and said so."));
	CHECK(continues("He said,", "“and then we left.”"));
	CHECK(continues("in the\nmiddle of a", "sentence."));
	/* Not stray. */
	CHECK(!continues("We will be international.", "terrorists know."));
	CHECK(!continues("Is it?", "yes."));
	CHECK(!continues("He said “stop.”", "and left."));
	CHECK(!continues("Wait…", "now."));
	CHECK(!continues("This legislation will:", "amend offences"));
	CHECK(!continues("As a Dad, I worry about my daughters",
	    "And that’s a fear."));
	CHECK(!continues("No armed police officer wants it, of killing,",
	    "And that is how it should be."));
	CHECK(!continues("Counter-Terrorism Strategy", "the threat grows."));
	CHECK(!continues("SECURITY AND CRIME", "the threat grows."));
	CHECK(!continues("[The Lord Mayor at Mansion House]", "the threat."));
	CHECK(!continues("Although we are leaving", "a) the EU"));
	CHECK(!continues("Although we are leaving", "i. the EU"));
	CHECK(!continues("Although we are leaving", "2017 was bad."));
	CHECK(!continues("Although we are leaving", ""));
	CHECK(!continues("", "the EU."));
	CHECK(!continues("   ", "the EU."));
	CHECK(continues("Although we are leaving  ", "  the EU."));
	CHECK(continues("Although we are leaving", "élan."));
	CHECK(!continues("Although we are leaving", "École."));
}

static void
test_builtin_list(void)
{
	const struct sent_abbrev *a, *b;
	size_t i;
	int sorted = 1, kinds = 1, short_enough = 1;

	for (i = 0; (a = sent_abbrev_builtin(i)) != NULL; i++) {
		b = sent_abbrev_builtin(i + 1);
		if (strlen(a->word) > SENT_ABBREV_LONGEST)
			short_enough = 0;
		if (b != NULL && strcmp(a->word, b->word) >= 0)
			sorted = 0;
		if (a->kind < SENT_ABBR_NEVER_ENDS ||
		    a->kind > SENT_ABBR_BEFORE_OPENER)
			kinds = 0;
	}
	CHECK(i > 50);
	CHECK(sorted);
	CHECK(kinds);
	CHECK(short_enough);
}

/*
 * Parliamentary and legal English.  Each case is checked as written, where
 * plain_run takes the runs of plain words, and again with every space a
 * NO-BREAK SPACE and every line break a LINE SEPARATOR (U+2028): then no
 * word is followed by a plain space, so plain_run takes none and the
 * general rules decide every boundary.  Both must give the same sentences.
 */
static const struct split_case parliament[] = {
	/* Titles and forms of address. */
	{ "The hon. Member is right. We will act.",
	  "The hon. Member is right.|We will act." },
	{ "I thank my hon. Friend. He is right.",
	  "I thank my hon. Friend.|He is right." },
	{ "I thank the Rt. Hon. Gentleman. It is a good point.",
	  "I thank the Rt. Hon. Gentleman.|It is a good point." },
	{ "My right hon. and learned Friend the Member for Harborough agrees.",
	  "My right hon. and learned Friend the Member for Harborough agrees." },
	{ "The hon. Lady is right. Hon. Members will agree.",
	  "The hon. Lady is right.|Hon. Members will agree." },
	/* Sections, clauses, articles, columns: abbreviations before a number. */
	{ "Under s. 44 of the Terrorism Act 2000 the police may stop anyone.",
	  "Under s. 44 of the Terrorism Act 2000 the police may stop anyone." },
	{ "See ss. 1\xE2\x80\x93" "3 of the Act and para. 12 of the schedule.",
	  "See ss. 1\xE2\x80\x93" "3 of the Act and para. 12 of the schedule." },
	{ "It is in cl. 3 and cls. 4 to 6. Art. 5 of the Convention applies.",
	  "It is in cl. 3 and cls. 4 to 6.|Art. 5 of the Convention applies." },
	{ "The Prime Minister lives at No. 10 Downing Street.",
	  "The Prime Minister lives at No. 10 Downing Street." },
	{ "See HC Deb 12 March 2019, col. 123, and cols. 130 to 131. Next.",
	  "See HC Deb 12 March 2019, col. 123, and cols. 130 to 131.|Next." },
	{ "See HC Deb. 5 May 2010 vol. 510 cc. 45 to 47. It said so.",
	  "See HC Deb. 5 May 2010 vol. 510 cc. 45 to 47.|It said so." },
	{ "Under reg. 5 and Sch. 2 to the Act, see Cm. 9608 and Cmnd. 1234.",
	  "Under reg. 5 and Sch. 2 to the Act, see Cm. 9608 and Cmnd. 1234." },
	/* Before a capital the number abbreviations end a sentence. */
	{ "He spoke of the s. The rest is silence.",
	  "He spoke of the s.|The rest is silence." },
	{ "It went to the col. The end.", "It went to the col.|The end." },
	/* Col. the rank still never ends a sentence. */
	{ "Col. Smith spoke.", "Col. Smith spoke." },
	/* A capital alone is an initial, even where its lower case is an
	 * abbreviation before a number (p. 10, c. 1900, s. 44). */
	{ "P. Henderson of the Law Society gave evidence. It was clear.",
	  "P. Henderson of the Law Society gave evidence.|It was clear." },
	{ "I met C. S. Lewis and S. C. Johnson. They spoke.",
	  "I met C. S. Lewis and S. C. Johnson.|They spoke." },
	{ "Turn to P. 10 of the report.", "Turn to P. 10 of the report." },
	{ "He chose plan C. The rest followed.",
	  "He chose plan C.|The rest followed." },
	/* Acronyms: a boundary before a common sentence opener only. */
	{ "The report went to the U.N. The Secretary-General replied.",
	  "The report went to the U.N.|The Secretary-General replied." },
	{ "I live in the U.S. How about you?",
	  "I live in the U.S.|How about you?" },
	{ "He met the U.S. Senate yesterday. The U.K. Government agreed.",
	  "He met the U.S. Senate yesterday.|The U.K. Government agreed." },
	{ "The U.N. Security Council met.", "The U.N. Security Council met." },
	/* A heading line above a sentence, within one paragraph. */
	{ "Counter-Terrorism and Border Security Bill\n"
	  "Lords amendments considered.",
	  "Counter-Terrorism and Border Security Bill|"
	  "Lords amendments considered." },
	{ "Points of Order\nMs Laura Pike (Harbourside) (Lab): On a point of "
	  "order, Mr Speaker. Yesterday the House was told otherwise.",
	  "Points of Order|Ms Laura Pike (Harbourside) (Lab): On a point of "
	  "order, Mr Speaker.|Yesterday the House was told otherwise." },
	{ "Prime Minister\nEngagements\nThe Prime Minister was asked.",
	  "Prime Minister|Engagements|The Prime Minister was asked." },
	{ "The statement was made.\nSanctions and Anti-Money Laundering Act "
	  "Review\nThe Minister made a statement.",
	  "The statement was made.|Sanctions and Anti-Money Laundering Act "
	  "Review|The Minister made a statement." },
	/* Not a heading: wrapped running text. */
	{ "And the Amorites, and the Canaanites, and the Girgashites, and the\n"
	  "Jebusites.",
	  "And the Amorites, and the Canaanites, and the Girgashites, and the "
	  "Jebusites." },
	{ "The matter was raised by the Home Secretary and the Prime Minister\n"
	  "Yesterday in the House.",
	  "The matter was raised by the Home Secretary and the Prime Minister "
	  "Yesterday in the House." },
	{ "SEE CHARLES BUTTERWORTH DRIVE A STREETCAR AND SING LOVE\n"
	  "SONGS TO HIS MARE!",
	  "SEE CHARLES BUTTERWORTH DRIVE A STREETCAR AND SING LOVE SONGS TO "
	  "HIS MARE!" },
	{ "-- Judge Wells' Order Granting in Part the Motion to Limit\n"
	  "The Claims",
	  "-- Judge Wells' Order Granting in Part the Motion to Limit The "
	  "Claims" },
	{ "Sajid Javid, Home Secretary, Speaking at the Royal United Services\n"
	  "Institute today.",
	  "Sajid Javid, Home Secretary, Speaking at the Royal United Services "
	  "Institute today." },
};

#define NPARLIAMENT (sizeof(parliament) / sizeof(parliament[0]))

/* s with every ' ' made U+00A0 and every '\n' U+2028; free it. */
static char *
general_only(const char *s)
{
	char *out = xmalloc(3 * strlen(s) + 1), *d = out;

	for (; *s != '\0'; s++) {
		if (*s == ' ') {
			memcpy(d, "\xC2\xA0", 2);
			d += 2;
		} else if (*s == '\n') {
			memcpy(d, "\xE2\x80\xA8", 3);
			d += 3;
		} else
			*d++ = *s;
	}
	*d = '\0';
	return out;
}

static void
test_parliament(const struct sent_abbrevs *ab)
{
	struct collected c;
	char *general;
	size_t i;

	for (i = 0; i < NPARLIAMENT; i++) {
		split_into(ab, parliament[i].in, &c);
		CHECK_STR(c.buf, parliament[i].want);
		CHECK(!c.bad);
		general = general_only(parliament[i].in);
		split_into(ab, general, &c);
		CHECK_STR(c.buf, parliament[i].want);
		CHECK(!c.bad);
		free(general);
	}
}

struct counts {
	size_t count, bytes;
};

static void
count_cb(void *arg, const char *s, size_t n)
{
	struct counts *got = arg;

	(void)s;
	got->count++;
	got->bytes += n;
}

static void
test_long(void)
{
	/* Many sentences and one very long one: linear, and nothing lost. */
	size_t n = 200000, i, len = 0;
	char *text = xmalloc(n * 8 + 1);
	struct counts got = { 0, 0 };

	for (i = 0; i < n; i++) {
		memcpy(text + len, "Go on. ", 7);
		len += 7;
	}
	text[len] = '\0';
	sent_split(NULL, text, len, count_cb, &got);
	CHECK_INT(got.count, n);
	CHECK_INT(got.bytes, n * 6);
	for (i = 0; i < len; i++)
		text[i] = (i % 5 == 4) ? '\n' : 'a';
	got.count = got.bytes = 0;
	sent_split(NULL, text, len, count_cb, &got);
	CHECK_INT(got.count, 1);
	free(text);
}

int
main(void)
{
	struct sent_abbrevs *ab = sent_abbrevs_new();

	test_table(ab);
	test_table(NULL);
	test_parliament(ab);
	test_parliament(NULL);
	sent_abbrevs_free(ab);
	test_block_edges();
	test_user_abbrevs();
	test_para_continues();
	test_builtin_list();
	test_long();
	/*
	 * Every case again through the reference (lib/reference.h): no
	 * plain_run and none of the shortcuts of the general path.
	 */
	sp_reference = 1;
	ab = sent_abbrevs_new();
	test_table(ab);
	test_table(NULL);
	test_parliament(ab);
	test_parliament(NULL);
	sent_abbrevs_free(ab);
	test_block_edges();
	test_user_abbrevs();
	test_para_continues();
	test_long();
	sp_reference = 0;
	UNIT_DONE();
}
