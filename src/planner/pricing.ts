/**
 * Reference prices, USD, us-east-1 list prices (see docs/AWS-RULES.md:
 * verify before relying on them; other regions differ by a few percent).
 */
export const PRICES = {
  /** Interface endpoint, per ENI (AZ) and hour. */
  interfacePerAzHour: 0.01,
  /** Interface endpoint data processing, per GB (first PB). */
  interfacePerGb: 0.01,
  /** Gateway endpoints are free. */
  gatewayPerHour: 0,
  /** Data through gateway endpoints is free too. */
  gatewayPerGb: 0,
  /** NAT gateway data processing per GB: what private traffic costs without endpoints. */
  natPerGb: 0.045,
  hoursPerMonth: 730,
  /**
   * Transit Gateway data processing per GB: what a spoke's traffic to a hub endpoint adds (AWS Transit Gateway
   * pricing, https://aws.amazon.com/transit-gateway/pricing/, us-east-1: $0.02 per GB processed). The attachments'
   * hours are not counted: the network exists for other traffic too.
   */
  transitGatewayPerGb: 0.02,
  /** A Route 53 hosted zone per month (first 25 zones; https://aws.amazon.com/route53/pricing/). */
  hostedZonePerMonth: 0.5,
} as const;
