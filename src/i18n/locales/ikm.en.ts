/** The satisfaction survey (IKM, PermenPANRB 14/2017) in English. */
const ikm = {
  unsur: {
    PERSYARATAN: { name: 'Requirements', question: 'How well do the service requirements fit the kind of service?', answers: ['Not suitable', 'Less suitable', 'Suitable', 'Very suitable'] },
    PROSEDUR: { name: 'Systems, mechanisms and procedures', question: 'How easy are the service procedures of this unit?', answers: ['Not easy', 'Less easy', 'Easy', 'Very easy'] },
    WAKTU: { name: 'Completion time', question: 'How fast was the service delivered?', answers: ['Not fast', 'Less fast', 'Fast', 'Very fast'] },
    BIAYA: { name: 'Cost/fee', question: 'How fair is the cost or fee of the service?', answers: ['Very expensive', 'Quite expensive', 'Cheap', 'Free'] },
    PRODUK: { name: 'Service product', question: 'How well does what you received match the product in the service standard?', answers: ['Not suitable', 'Less suitable', 'Suitable', 'Very suitable'] },
    KOMPETENSI: { name: 'Staff competence', question: 'How competent were the staff in serving you?', answers: ['Not competent', 'Less competent', 'Competent', 'Very competent'] },
    PERILAKU: { name: 'Staff conduct', question: 'How polite and friendly were the staff?', answers: ['Not polite and friendly', 'Less polite and friendly', 'Polite and friendly', 'Very polite and friendly'] },
    PENGADUAN: { name: 'Handling of complaints, suggestions and feedback', question: 'How are complaints from service users handled?', answers: ['There is none', 'Exists but does not work', 'Works, not at its best', 'Well managed'] },
    SARPRAS: { name: 'Facilities and infrastructure', question: 'How good are the facilities and infrastructure?', answers: ['Poor', 'Fair', 'Good', 'Very good'] },
  },
  grade: { A: 'Very good', B: 'Good', C: 'Poor', D: 'Not good' },
  csv: {
    missing_column: 'Line {{row}}: column {{column}} is missing from the header. The header must hold the codes of all nine unsur: {{all}}.',
    duplicate_column: 'Line {{row}}: column {{column}} appears more than once in the header.',
    empty_answer: 'Line {{row}}, column {{column}}: the answer is empty. Each unsur is answered 1, 2, 3 or 4.',
    answer_out_of_range: 'Line {{row}}, column {{column}}: "{{value}}" is not a valid answer. Answers are 1, 2, 3 or 4.',
    no_respondents: 'The file holds no respondents (only a header, or empty).',
    unreadable: 'Line {{row}}: the CSV file cannot be read (check quotes and column separators).',
    file_unreadable: 'The file {{file}} cannot be opened.',
    not_computed: 'IKM not computed: {{count}} problem(s) in the file.',
  },
  cli: {
    respondents: 'Respondents: {{count}}',
    nrr_line: '  {{name}} ({{code}}): NRR {{nrr}}',
    ikm_line: 'IKM (weight 1/9, the exact method): {{ikm}} → converted {{converted}}, grade {{grade}} ({{words}})',
    ikm0111_line: 'For comparison, weight 0.111 (as many agencies’ spreadsheets): {{ikm}} → {{converted}}, grade {{grade}} ({{words}})',
    priorities: 'Improvement priorities (lowest NRR first): {{list}}',
    sample: 'Minimum sample (Krejcie–Morgan) for a population of {{population}}: {{minimum}} respondents — {{verdict}}',
    sample_enough: 'enough',
    sample_short: '{{missing}} respondents short',
  },
} as const;

export default ikm;
