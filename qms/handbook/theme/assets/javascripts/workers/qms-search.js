/* The handbook's search worker (qms.handbook.search): Material for MkDocs' own search worker (lunr), run unchanged,
 * with Vietnamese-aware words added around it. theme/main.html starts it as «qms-search.js?material=<Material's
 * worker>» from Material's workers/ folder, so that Material's «../lunr» still finds its language files.
 *
 * - Accents: every page also gets its title and text without diacritics («thẩm định» -> «tham dinh», «đ» -> «d»),
 *   in two more index fields weighted as the title and the text are; a query gets its own words without diacritics
 *   too, so «tham dinh», «thẩm định» and a query typed in decomposed Unicode (NFD) all find the same pages.
 * - Phrases: Vietnamese words are mostly two syllables, and lunr knows no phrases. Each pair of neighbouring
 *   syllables is indexed as one more word («tham_dinh»), and a query asks for its pairs as well: a page where
 *   «thẩm định» stands together matches more of the query than one with «thẩm» and «định» apart, and Material ranks
 *   pages by the share of the query's words they match.
 * - The words added to a query are not the reader's: they are taken out of the "missing words" Material shows.
 * Process pages rank above rule pages by their front matter (search.boost, qms.handbook.pages.process).
 */
"use strict"

const MATERIAL_WORKER = new URL(self.location.href).searchParams.get("material") || ""
const SETUP = 0, QUERY = 2, RESULT = 3  // Material's message types (integrations/search/worker/message)

// Folded: lower case, no diacritics, «đ» as «d», composed (NFC) whatever the input was.
const fold = value => value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase()

// Runs of words a phrase may span: not across markup, an entity or punctuation (codes keep their hyphens).
const runs = html => html.replace(/<[^>]*>|&[#\w]+;|[^\p{L}\p{N}\s\-]+/gu, "\n").split("\n")

// The folded words of a text and each pair of neighbours: «Thẩm định hồ sơ» -> tham dinh ho so tham_dinh dinh_ho ho_so
function phrased(text) {
  const words = []
  for (const run of runs(text)) {
    const syllables = fold(run).split(/[\s\-]+/).filter(Boolean)
    words.push(...syllables)
    for (let i = 1; i < syllables.length; i++)
      words.push(`${syllables[i - 1]}_${syllables[i]}`)
  }
  return [...new Set(words)]
}

// A query in lunr's syntax (+must -not "…" field: * ~ ^) is the reader's own: left as typed, only composed.
const SYNTAX = /(^|\s)[+-]|["*~^:]/

let added = new Set()  // the words the last query got from here

function setup(index) {
  const { fields } = index.config
  fields.qms_title = { boost: (fields.title || {}).boost || 1 }
  fields.qms_text = { boost: (fields.text || {}).boost || 1 }
  for (const doc of index.docs) {
    doc.title = doc.title.normalize("NFC")
    doc.text = doc.text.normalize("NFC")
    doc.qms_title = phrased(doc.title).join(" ")
    doc.qms_text = phrased(doc.text).join(" ")
  }
}

// Material makes every word of a query a prefix («hóa» -> «hóa*»), so that a word being typed already finds pages.
// A Vietnamese syllable is a whole word, and folded it is the prefix of many others («hoa*»: hoan, hoac, hoat…): only
// the last word, the one being typed, stays a prefix; the others and the added words are asked for as they are
// (lunr's «^1», a weight of one, which Material leaves without «*»).
function query(value) {
  value = value.normalize("NFC").trim()
  added = new Set()
  if (SYNTAX.test(value) || !value)
    return value
  const own = value.split(/\s+/)
  const last = own[own.length - 1]
  const typed = new Set(own.flatMap(word => word.toLowerCase().split("-")))
  added = new Set(phrased(value).filter(word => !typed.has(word)))
  const exact = word => `${word}^1`
  const folded = fold(last).split("-").pop()
  const extra = [...added].map(word => word === folded ? word : exact(word))
  return [...own.slice(0, -1).map(exact), last, ...extra].join(" ")
}

// A reader's word counts as found when its folded form was; the added words are never reported missing.
function result(data) {
  for (const group of data.items || [])
    for (const item of group) {
      const terms = {}
      for (const [term, found] of Object.entries(item.terms || {}))
        if (!added.has(term))
          terms[term] = found || !!item.terms[fold(term)]
      item.terms = terms
    }
}

addEventListener("message", ev => {  // before Material's own listener, which then sees the changed message
  if (ev.data.type === SETUP)
    setup(ev.data.data)
  else if (ev.data.type === QUERY)
    ev.data.data = query(ev.data.data)
})

const post = self.postMessage.bind(self)
self.postMessage = message => {
  if (message && message.type === RESULT)
    result(message.data)
  post(message)
}

if (/^search\.\w+\.min\.js$/.test(MATERIAL_WORKER))  // only Material's worker, beside this one
  importScripts(MATERIAL_WORKER)
