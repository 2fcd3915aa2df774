/**
 * One entry of `error.details` on a request refused field by field: 400 INVALID_REQUEST (the body's
 * schema; `field` a JSON pointer such as /targets/3/orgUnit) and 422 INVALID_PLAN_FILE (a plan file or an
 * accepted review; `field` a path such as targets.3.orgUnit). The web reads these to mark the fields.
 */
export interface FieldProblem {
  field: string;
  message: string;
  messageZh?: string;
}
