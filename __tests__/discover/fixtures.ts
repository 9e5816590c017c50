/** Where the discover fixtures are (see their README for the AWS pages they follow) and their flow log format. */
import * as path from "node:path";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "discover");

/** The custom format of flow/cloudwatch-custom.log, as given to CreateFlowLogs and to --flow-log-format. */
export const CUSTOM_FLOW_FORMAT = [
  "${version} ${vpc-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport}",
  "${protocol} ${bytes} ${start} ${end} ${action} ${log-status}",
].join(" ");
