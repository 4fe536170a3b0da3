export interface AuditSample {
  id: string;
  position: number;
  kind: string;
  elementId: string;
  score: number | null;
  finding: string | null;
  note: string | null;
  case: { id: string; number: string } | null;
}

export interface AuditRecommendation {
  id: string;
  text: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  response: string | null;
  respondedAt: string | null;
  closingNote: string | null;
  closedAt: string | null;
}

export interface Audit {
  id: string;
  status: 'SAMPLED' | 'FINDINGS_ISSUED' | 'CLOSED';
  auditedUnit: { id: string; name: string } | null;
  auditorUnit: { id: string; name: string } | null;
  /** Absent in the record the create mutation answers (the detail query brings them). */
  samples?: AuditSample[];
  recommendations?: AuditRecommendation[];
}
