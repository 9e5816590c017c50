/** Which subnet of the specs an address belongs to. */
import * as path from "node:path";
import { SubnetIndex } from "../../src/discover/subnets";
import { runPipeline } from "../../src/pipeline";
import { tmpDir } from "../helpers";

const SPECS = path.join(__dirname, "..", "fixtures", "discover", "specs");
const PAY = "vpc-0a1b2c3d4e5f60718";
const LEDGER = "vpc-0f9e8d7c6b5a40312";

describe("SubnetIndex", () => {
  const index = new SubnetIndex(runPipeline(SPECS, { dumpDir: tmpDir() }).models);
  const name = (vpcId: string | undefined, address: string) => {
    const p = index.subnetOf({ vpcId, address });
    return p ? `${p.spec.stack}/${p.subnet.name}` : undefined;
  };

  test("the longest prefix within the VPC the log names, IPv4 and IPv6", () => {
    expect(name(PAY, "10.30.1.15")).toBe("payments/app-a");
    expect(name(LEDGER, "10.30.1.15")).toBe("ledger/db-a");
    expect(name(PAY, "10.30.31.255")).toBe("payments/batch");
    expect(name(PAY, "2001:db8:30:1a00::15")).toBe("payments/app-a");
  });

  test("inside the VPC but in no subnet, in another VPC, or outside every block: no subnet", () => {
    expect(name(PAY, "10.30.100.10")).toBeUndefined();
    expect(name(LEDGER, "10.30.2.20")).toBeUndefined();
    expect(name("vpc-0123456789abcdef0", "10.30.1.15")).toBeUndefined();
    expect(name(PAY, "2001:db8:30:1b00::1")).toBeUndefined();
  });

  test("without a VPC id: only an address one subnet of all the specs holds", () => {
    expect(name(undefined, "10.30.2.20")).toBe("payments/app-b");
    expect(name(undefined, "10.30.1.15")).toBeUndefined(); // app-a and db-a share 10.30.1.0/24
  });

  test("insideVpc: the VPC's blocks and its subnets' IPv6 blocks", () => {
    expect(index.insideVpc({ vpcId: PAY, address: "10.30.0.45" })).toBe(true);
    expect(index.insideVpc({ vpcId: PAY, address: "2001:db8:30:1a00::99" })).toBe(true);
    expect(index.insideVpc({ vpcId: PAY, address: "3.126.0.11" })).toBe(false);
    expect(index.insideVpc({ vpcId: "vpc-0123456789abcdef0", address: "10.30.0.45" })).toBe(false);
  });
});
